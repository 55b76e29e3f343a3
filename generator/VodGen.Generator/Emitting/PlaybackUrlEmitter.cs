using VodGen.Generator.Binding;

namespace VodGen.Generator.Emitting;

/// <summary>
/// Emits <c>WithPlaybackUrls</c> on a read class that is, or holds, playback URLs (<c>x-vodgen-format: playback-url</c>):
/// a copy with every such URL passed through the caller's function (a URL signer, typically). Members are copied
/// as they are (deprecated ones too: the file header turns CS0618 off); the classes on the way to a URL are copied with their own <c>WithPlaybackUrls</c>.
/// </summary>
internal static class PlaybackUrlEmitter
{
    private const string Select = "global::System.Linq.Enumerable.Select";
    private const string ToArray = "global::System.Linq.Enumerable.ToArray";

    public static void Emit(SourceWriter writer, BoundClass plan)
    {
        writer.WriteLine("/// <summary>");
        writer.WriteLine("/// A copy in which every playback URL is replaced by what <paramref name=\"sign\"/> makes of it (for example");
        writer.WriteLine("/// <c>VodPlaybackUrlSigner.Sign</c> of VodGen.Server); absent URLs stay absent and the other values are the same.");
        writer.WriteLine("/// </summary>");
        writer.WriteLine("/// <param name=\"sign\">Makes the URL to hand out from a URL of the answer.</param>");
        writer.Open("public " + plan.Name + " WithPlaybackUrls(global::System.Func<string, string> sign)");
        writer.WriteLine("if (sign is null) throw new global::System.ArgumentNullException(nameof(sign));");
        writer.WriteLine("return new " + plan.Name);
        writer.WriteLine("{");
        foreach (var member in plan.Members)
        {
            var name = member.PropertyName;
            var value = member.PlaybackUrls switch
            {
                PlaybackUrlKind.Url => name + " is null ? null : sign(" + name + ")",
                PlaybackUrlKind.ListOfUrls => name + " is null ? null : " + ToArray + "(" + Select + "(" + name + ", u => sign(u)))",
                PlaybackUrlKind.Class => name + "?.WithPlaybackUrls(sign)",
                PlaybackUrlKind.ListOfClasses => name + " is null ? null : " + ToArray + "(" + Select + "(" + name + ", i => i.WithPlaybackUrls(sign)))",
                _ => name,
            };
            writer.WriteLine("\t" + name + " = " + value + ",");
        }

        writer.WriteLine("};");
        writer.Close();
    }
}

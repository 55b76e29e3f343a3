using System.Runtime.CompilerServices;
using System.Text;

namespace VodGen.Generator.Tests;

/// <summary>
/// Snapshot checks in Verify's conventions, kept in one place so Verify.SourceGenerators can replace it:
/// the expected text is <c>{name}.verified.cs</c> in a <c>Snapshots</c> folder beside the test; a mismatch
/// writes <c>{name}.received.cs</c> next to it and fails with a line diff. Setting
/// <c>VODGEN_ACCEPT_SNAPSHOTS=1</c> accepts the received text instead.
/// </summary>
internal static class Snapshot
{
    public const string AcceptVariable = "VODGEN_ACCEPT_SNAPSHOTS";

    public static void Verify(string name, string actual, [CallerFilePath] string testFile = "")
    {
        var folder = Path.Combine(Path.GetDirectoryName(testFile)!, "Snapshots");
        var verified = Path.Combine(folder, name + ".verified.cs");
        var received = Path.Combine(folder, name + ".received.cs");
        actual = Normalize(actual);
        var expected = File.Exists(verified) ? Normalize(File.ReadAllText(verified)) : null;
        if (expected == actual)
        {
            File.Delete(received);
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(verified)!);
        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            File.WriteAllText(verified, actual);
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, actual);
        Assert.Fail(expected is null
            ? $"No snapshot {verified}; the output was written to {received}. Review it, then rename it or run with {AcceptVariable}=1."
            : $"Snapshot {name} differs (received text written to {received}; run with {AcceptVariable}=1 to accept):\n{Diff(expected, actual)}");
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n").TrimStart('\uFEFF');

    // A compact line diff: the first differences with a little context.
    private static string Diff(string expected, string actual)
    {
        var left = expected.Split('\n');
        var right = actual.Split('\n');
        var builder = new StringBuilder();
        var shown = 0;
        for (var i = 0; i < Math.Max(left.Length, right.Length) && shown < 20; i++)
        {
            var l = i < left.Length ? left[i] : null;
            var r = i < right.Length ? right[i] : null;
            if (l == r)
            {
                continue;
            }

            builder.Append("@@ line ").Append(i + 1).Append('\n');
            if (l is not null)
            {
                builder.Append("- ").Append(l).Append('\n');
            }

            if (r is not null)
            {
                builder.Append("+ ").Append(r).Append('\n');
            }

            shown++;
        }

        return builder.ToString();
    }
}

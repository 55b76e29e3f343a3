using VodGen.Generator.Binding;
using VodGen.Generator.Model;

namespace VodGen.Generator.Emitting;

/// <summary>Writes the <c>{Operation}Async</c> extension method on <c>VodClient</c>.</summary>
internal static class ClientEmitter
{
    public static void Write(SourceWriter writer, BoundOperation source, OperationNames names)
    {
        writer.WriteLine("/// <summary>Operations of the " + XmlDoc.Escape(source.Product.Product) + " API (" + XmlDoc.Escape(source.Product.Version) + ") on <see cref=\"global::VodGen.VodClient\"/>.</summary>");
        writer.Open(names.Accessibility + " static partial class " + names.Extensions);
        XmlDoc.Summary(writer, source.Summary, "Calls ", source.Name, ".");
        XmlDoc.Remarks(writer, source.Description);
        writer.WriteLine("/// <param name=\"client\">The client to send with.</param>");
        writer.WriteLine("/// <param name=\"request\">The operation's parameters.</param>");
        writer.WriteLine("/// <param name=\"cancellationToken\">Cancels the call.</param>");
        writer.WriteLine("/// <exception cref=\"global::System.ArgumentException\">A parameter breaks the spec; nothing was sent.</exception>");
        writer.WriteLine("/// <exception cref=\"global::VodGen.VodServiceException\">The service answered with an error, such as one of <see cref=\"" + names.Errors + "\"/>.</exception>");
        if (source.Deprecated)
        {
            writer.WriteLine("[global::System.Obsolete(" + Literals.String(source.Name + " is deprecated by the service.") + ")]");
        }

        writer.WriteLine("public static global::System.Threading.Tasks.Task<" + names.Qualified(names.Response) + "> " + names.Method + "(");
        writer.WriteLine("\tthis global::VodGen.VodClient client,");
        writer.WriteLine("\t" + names.Qualified(names.Request) + " request,");
        writer.Open("\tglobal::System.Threading.CancellationToken cancellationToken = default)");
        writer.WriteLine("global::System.ArgumentNullException.ThrowIfNull(client);");
        writer.WriteLine("return client.SendAsync(" + names.Qualified(names.Operation) + ".Instance, request, cancellationToken);");
        writer.Close();
        if (source.Paging is { } paging)
        {
            writer.WriteLine();
            PagingEmitter.Emit(writer, source, names, paging);
        }

        writer.Close();
    }
}

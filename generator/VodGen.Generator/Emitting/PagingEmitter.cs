using VodGen.Generator.Binding;

namespace VodGen.Generator.Emitting;

/// <summary>
/// Emits <c>{Operation}ItemsAsync</c> for a paged list operation: an <c>IAsyncEnumerable</c> of the items that
/// asks for one page after another (and hands back the continuation token when the spec names one) until a
/// page is empty or short, or the total is reached.
/// </summary>
internal static class PagingEmitter
{
    public static void Emit(SourceWriter writer, BoundOperation source, OperationNames names, BoundPaging paging)
    {
        var request = source.Request;
        var itemsAccess = paging.ItemsAccess;
        var itemType = paging.ItemType;
        var totalAccess = paging.TotalAccess;
        var pageNumber = paging.PageNumber;
        var pageSize = paging.PageSize;
        var token = paging.RequestToken;
        var responseToken = paging.ResponseToken;
        var method = source.Name + "ItemsAsync";
        var core = source.Name + "ItemsCore";
        var enumerable = "global::System.Collections.Generic.IAsyncEnumerable<" + itemType + ">";

        writer.WriteLine("/// <summary>Every item of " + source.Name + ", fetched page by page as the caller enumerates.</summary>");
        writer.WriteLine("/// <remarks>");
        writer.WriteLine("/// Starts at the request's " + XmlDoc.Escape(paging.PageNumberJsonName) + " (1 when unset) and asks for the next page until one comes back");
        writer.WriteLine("/// empty or short" + (totalAccess is null ? string.Empty : ", or the reported total is reached") + (token is null ? "." : "; each call sends back the " + XmlDoc.Escape(paging.TokenJsonName) + " of the previous answer."));
        writer.WriteLine("/// Every page is one call, throttled and retried like any other; stopping the enumeration stops the calls.");
        writer.WriteLine("/// </remarks>");
        writer.WriteLine("/// <param name=\"client\">The client to send with.</param>");
        writer.WriteLine("/// <param name=\"request\">The filters and the first page to read.</param>");
        writer.WriteLine("/// <param name=\"cancellationToken\">Cancels the enumeration.</param>");
        writer.WriteLine("/// <exception cref=\"global::System.ArgumentException\">A parameter breaks the spec; thrown here, before any call.</exception>");
        if (source.Deprecated)
        {
            writer.WriteLine("[global::System.Obsolete(" + Literals.String(source.Name + " is deprecated by the service.") + ")]");
        }

        writer.WriteLine("public static " + enumerable + " " + method + "(");
        writer.WriteLine("\tthis global::VodGen.VodClient client,");
        writer.WriteLine("\t" + names.Qualified(names.Request) + " request,");
        writer.Open("\tglobal::System.Threading.CancellationToken cancellationToken = default)");
        writer.WriteLine("global::System.ArgumentNullException.ThrowIfNull(client);");
        writer.WriteLine(names.Qualified(names.Operation) + ".Instance.Validate(request);");
        writer.WriteLine("return " + core + "(client, request, cancellationToken);");
        writer.Close();
        writer.WriteLine();
        writer.WriteLine("#pragma warning disable CS0618 // Deprecated parameters are copied like the others.");
        writer.WriteLine("private static async " + enumerable + " " + core + "(");
        writer.WriteLine("\tglobal::VodGen.VodClient client,");
        writer.WriteLine("\t" + names.Qualified(names.Request) + " request,");
        writer.Open("\t[global::System.Runtime.CompilerServices.EnumeratorCancellation] global::System.Threading.CancellationToken cancellationToken)");
        // Required page parameters are plain numbers; optional ones start from the service's defaults.
        writer.WriteLine("var page = request." + pageNumber + (paging.PageNumberRequired ? ";" : " ?? 1;"));
        writer.WriteLine("long size = request." + pageSize + (paging.PageSizeRequired ? ";" : " ?? 0;"));
        if (token is not null)
        {
            writer.WriteLine("var token = request." + token + ";");
        }

        writer.Open("while (true)");
        writer.WriteLine("var pageRequest = new " + names.Qualified(names.Request));
        writer.WriteLine("{");
        foreach (var member in request.Members)
        {
            var value = member.PropertyName == pageNumber ? "page" : member.PropertyName == token ? "token" : "request." + member.PropertyName;
            writer.WriteLine("\t" + member.PropertyName + " = " + value + ",");
        }

        writer.WriteLine("};");
        writer.WriteLine("var response = await client.SendAsync(" + names.Qualified(names.Operation) + ".Instance, pageRequest, cancellationToken).ConfigureAwait(false);");
        writer.WriteLine("var items = " + itemsAccess + ";");
        writer.Open("if (items is null || items.Count == 0)");
        writer.WriteLine("yield break;");
        writer.Close();
        writer.WriteLine();
        writer.Open("foreach (var item in items)");
        writer.WriteLine("yield return item;");
        writer.Close();
        writer.WriteLine();
        writer.WriteLine("// Without a requested size, the service's default is what the first page held.");
        writer.Open("if (size == 0)");
        writer.WriteLine("size = items.Count;");
        writer.Close();
        writer.WriteLine();
        var stop = "items.Count < size";
        if (totalAccess is not null)
        {
            stop += " || (" + totalAccess + " is { } total && (long)page * size >= total)";
        }

        writer.Open("if (" + stop + ")");
        writer.WriteLine("yield break;");
        writer.Close();
        writer.WriteLine();
        if (responseToken is not null)
        {
            writer.WriteLine("token = string.IsNullOrEmpty(response." + responseToken + ") ? token : response." + responseToken + ";");
        }

        writer.WriteLine("page++;");
        writer.Close();
        writer.Close();
        writer.WriteLine("#pragma warning restore CS0618");
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using VodGen.Generator.Binding;
using VodGen.Generator.Model;

namespace VodGen.Generator.Emitting;

/// <summary>
/// Emits <c>{Operation}ItemsAsync</c> for a paged list operation: an <c>IAsyncEnumerable</c> of the items that
/// asks for one page after another (and hands back the continuation token when the spec names one) until a
/// page is empty or short, or the total is reached.
/// </summary>
internal static class PagingEmitter
{
    public static void Emit(SourceWriter writer, BoundOperation source, OperationNames names, PagingModel paging)
    {
        var operation = source.Operation;
        var request = source.Request;
        var response = source.Response;
        var (itemsAccess, itemType) = Walk(response, names.Qualified(names.Response), paging.ItemsPath);
        var totalAccess = paging.TotalPath.IsEmpty ? null : Walk(response, names.Qualified(names.Response), paging.TotalPath).Access;
        var pageNumberMember = request.Members.First(m => m.JsonName == paging.PageNumber);
        var pageSizeMember = request.Members.First(m => m.JsonName == paging.PageSize);
        var pageNumber = pageNumberMember.PropertyName;
        var pageSize = pageSizeMember.PropertyName;
        var token = paging.Token.Length == 0 ? null : Property(request, paging.Token);
        var responseToken = paging.Token.Length == 0 ? null : response.Members.First(m => m.JsonName == paging.Token).PropertyName;
        var method = operation.Name + "ItemsAsync";
        var core = operation.Name + "ItemsCore";
        var enumerable = "global::System.Collections.Generic.IAsyncEnumerable<" + itemType + ">";

        writer.WriteLine("/// <summary>Every item of " + operation.Name + ", fetched page by page as the caller enumerates.</summary>");
        writer.WriteLine("/// <remarks>");
        writer.WriteLine("/// Starts at the request's " + XmlDoc.Escape(paging.PageNumber) + " (1 when unset) and asks for the next page until one comes back");
        writer.WriteLine("/// empty or short" + (totalAccess is null ? string.Empty : ", or the reported total is reached") + (token is null ? "." : "; each call sends back the " + XmlDoc.Escape(paging.Token) + " of the previous answer."));
        writer.WriteLine("/// Every page is one call, throttled and retried like any other; stopping the enumeration stops the calls.");
        writer.WriteLine("/// </remarks>");
        writer.WriteLine("/// <param name=\"client\">The client to send with.</param>");
        writer.WriteLine("/// <param name=\"request\">The filters and the first page to read.</param>");
        writer.WriteLine("/// <param name=\"cancellationToken\">Cancels the enumeration.</param>");
        writer.WriteLine("/// <exception cref=\"global::System.ArgumentException\">A parameter breaks the spec; thrown here, before any call.</exception>");
        if (operation.Deprecated)
        {
            writer.WriteLine("[global::System.Obsolete(" + Literals.String(operation.Name + " is deprecated by the service.") + ")]");
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
        writer.WriteLine("var page = request." + pageNumber + (pageNumberMember.Required ? ";" : " ?? 1;"));
        writer.WriteLine("long size = request." + pageSize + (pageSizeMember.Required ? ";" : " ?? 0;"));
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

    private static string Property(BoundClass plan, string jsonName) => plan.Members.First(m => m.JsonName == jsonName).PropertyName;

    // Follows response members by JSON name, with null-conditional access through the objects on the way; the type
    // is the last member's, or its element's for a list, qualified by the owner chain where it is a nested class.
    private static (string Access, string Type) Walk(BoundClass plan, string qualifiedName, EquatableArray<string> path)
    {
        var access = "response";
        var current = plan;
        BoundType? type = null;
        for (var i = 0; i < path.Count; i++)
        {
            var member = current.Members.First(m => m.JsonName == path[i]);
            access += (i == 0 ? "." : "?.") + member.PropertyName;
            type = member.TypeRef;
            if (i < path.Count - 1)
            {
                qualifiedName += "." + member.Type;
                current = current.Nested.First(n => n.Name == member.Type);
            }
        }

        var result = type!.Element ?? type;
        var nested = result.IsClass && current.Nested.Any(n => n.Name == result.Name);
        return (access, nested ? qualifiedName + "." + result.Name : result.Name);
    }
}

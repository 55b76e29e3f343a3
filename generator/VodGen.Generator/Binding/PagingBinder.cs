using System.Linq;
using VodGen.Generator.Model;

namespace VodGen.Generator.Binding;

/// <summary>Binds a paged operation's x-vodgen-paging (JSON names and paths, checked by the parser) to C# names and accesses.</summary>
internal static class PagingBinder
{
    public static BoundPaging Bind(PagingModel paging, BoundClass request, BoundClass response)
    {
        var pageNumber = Member(request, paging.PageNumber);
        var pageSize = Member(request, paging.PageSize);
        var (items, itemType) = Walk(response, paging.ItemsPath);
        return new BoundPaging(
            paging.PageNumber,
            pageNumber.PropertyName,
            pageNumber.Required,
            pageSize.PropertyName,
            pageSize.Required,
            paging.Token,
            paging.Token.Length == 0 ? null : Member(request, paging.Token).PropertyName,
            paging.Token.Length == 0 ? null : Member(response, paging.Token).PropertyName,
            items,
            itemType,
            paging.TotalPath.IsEmpty ? null : Walk(response, paging.TotalPath).Access);
    }

    private static BoundMember Member(BoundClass owner, string jsonName) => owner.Members.First(m => m.JsonName == jsonName);

    // Follows response members by JSON name, with null-conditional access through the objects on the way; the type
    // is the last member's, or its element's for a list, qualified by the owner chain where it is a nested class.
    private static (string Access, string Type) Walk(BoundClass response, EquatableArray<string> path)
    {
        var access = "response";
        var current = response;
        BoundType? type = null;
        for (var i = 0; i < path.Count; i++)
        {
            var member = Member(current, path[i]);
            access += (i == 0 ? "." : "?.") + member.PropertyName;
            type = member.TypeRef;
            if (i < path.Count - 1)
            {
                current = current.Nested.First(n => n.Name == member.Type);
            }
        }

        var result = type!.Element ?? type;
        return (access, result.QualifiedName);
    }
}

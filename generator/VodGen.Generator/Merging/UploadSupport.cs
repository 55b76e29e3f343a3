using System.Collections.Generic;
using System.Linq;
using VodGen.Generator.Model;

namespace VodGen.Generator.Merging;

/// <summary>
/// Finds the products that can have upload helpers: both upload operations, each answering VideoId, a Base64 JSON
/// UploadAddress (Endpoint, Bucket, FileName) and a Base64 JSON UploadAuth (AccessKeyId, AccessKeySecret, SecurityToken).
/// </summary>
internal static class UploadSupport
{
    public static EquatableArray<UploadSupportModel> Find(MergedSpecs specs)
    {
        var found = new List<UploadSupportModel>();
        foreach (var product in specs.Products)
        {
            var operations = specs.Operations.Where(o => o.Product.Namespace == product.Namespace).ToList();
            var create = operations.FirstOrDefault(o => o.Operation.Name == "CreateUploadVideo");
            var refresh = operations.FirstOrDefault(o => o.Operation.Name == "RefreshUploadVideo");
            if (create is null || refresh is null || Auth(create) is not { } auth || Auth(refresh) is null
                || !refresh.Operation.Parameters.Any(p => p.Name == "VideoId" && p.Schema.Kind == SchemaKind.String))
            {
                continue;
            }

            found.Add(new UploadSupportModel(
                create,
                refresh,
                Property(auth, "Expiration") is { Format: "duration-seconds" },
                Property(auth, "ExpireUTCTime") is { Kind: SchemaKind.String },
                Property(auth, "Region") is { Kind: SchemaKind.String },
                FileNames.Type(product.Namespace, "VodUploadExtensions", FileNames.UploadKind, operations.Select(o => o.Operation.Name).ToList())));
        }

        return found.ToEquatableArray();
    }

    // The decoded UploadAuth when the answer has everything an upload needs.
    private static SchemaModel? Auth(OperationSource source)
    {
        var response = source.Operation.Response;
        if (response is null || Property(response, "VideoId") is not { Kind: SchemaKind.String })
        {
            return null;
        }

        if (Property(response, "UploadAddress") is not { Encoding: ValueEncoding.Base64Json, Decoded: { } address }
            || !new[] { "Endpoint", "Bucket", "FileName" }.All(name => Property(address, name) is { Kind: SchemaKind.String }))
        {
            return null;
        }

        return Property(response, "UploadAuth") is { Encoding: ValueEncoding.Base64Json, Decoded: { } auth }
            && new[] { "AccessKeyId", "AccessKeySecret", "SecurityToken" }.All(name => Property(auth, name) is { Kind: SchemaKind.String })
                ? auth
                : null;
    }

    private static SchemaModel? Property(SchemaModel schema, string name) => schema.Properties.FirstOrDefault(p => p.JsonName == name)?.Schema;
}

using System.Linq;
using System.Threading;
using VodGen.Generator.Model;

namespace VodGen.Generator.Binding;

/// <summary>The C# names an upload answer's fields got: the video's ID and the methods that decode its address and credential.</summary>
internal sealed record BoundUploadAnswer(string VideoId, string DecodeAddress, string DecodeAuth, BoundUploadCredential Credential);

/// <summary>The C# names of the decoded address's and credential's fields; null for optional fields the spec lacks.</summary>
internal sealed record BoundUploadCredential(string Endpoint, string Bucket, string FileName, string AccessKeyId, string AccessKeySecret, string SecurityToken, string? Expiration, string? ExpireUtcTime, string? Region);

/// <summary>
/// The upload helpers of a product, bound like everything else: the operations' names and the C# names of the answer
/// fields the helpers read, taken from the bound classes (a field renamed by a collision is read by its real name).
/// </summary>
internal sealed record BoundUpload(ProductModel Product, string CreateOperation, string RefreshOperation, string RefreshVideoIdParameter, BoundUploadAnswer Create, BoundUploadAnswer Refresh, string HintName);

/// <summary>Binds the upload helpers from the bound CreateUploadVideo and RefreshUploadVideo.</summary>
internal static class UploadBinder
{
    public static BoundUpload Bind(UploadSupportModel model, CancellationToken cancellationToken)
    {
        var create = OperationBinder.Bind(model.Create, cancellationToken);
        var refresh = OperationBinder.Bind(model.Refresh, cancellationToken);
        return new BoundUpload(
            model.Create.Product,
            create.Name,
            refresh.Name,
            Member(refresh.Request, "VideoId").PropertyName,
            Answer(create, model.Create, model),
            Answer(refresh, model.Refresh, model),
            model.HintName);
    }

    private static BoundUploadAnswer Answer(BoundOperation operation, OperationSource source, UploadSupportModel model)
    {
        var ns = operation.Namespace;
        var response = operation.Response;
        var address = Member(response, "UploadAddress");
        var auth = Member(response, "UploadAuth");

        var addressClass = Decoded(response, address, source, ns);
        var authClass = Decoded(response, auth, source, ns);
        string? Optional(bool present, string jsonName) => present ? Member(authClass, jsonName).PropertyName : null;
        return new BoundUploadAnswer(
            Member(response, "VideoId").PropertyName,
            "Decode" + address.PropertyName,
            "Decode" + auth.PropertyName,
            new BoundUploadCredential(
                Member(addressClass, "Endpoint").PropertyName,
                Member(addressClass, "Bucket").PropertyName,
                Member(addressClass, "FileName").PropertyName,
                Member(authClass, "AccessKeyId").PropertyName,
                Member(authClass, "AccessKeySecret").PropertyName,
                Member(authClass, "SecurityToken").PropertyName,
                Optional(model.HasDurationExpiration, "Expiration"),
                Optional(model.HasExpireUtcTime, "ExpireUTCTime"),
                Optional(model.HasRegion, "Region")));
    }

    // The class a Base64 JSON field decodes to: the response's nested class, or the shared type bound as it is on its own.
    private static BoundClass Decoded(BoundClass response, BoundMember member, OperationSource source, string ns)
        => member.Decoded!.Component.Length > 0
            ? ClassBinder.BindObject(member.Decoded.Component, source.Operation.Response!.Properties.First(p => p.JsonName == member.JsonName).Schema.Decoded!, ClassRole.Response, ns)
            : response.Nested.First(n => n.QualifiedName == member.Decoded.QualifiedName);

    // UploadSupport admitted the product only with these fields, so each is there.
    private static BoundMember Member(BoundClass owner, string jsonName) => owner.Members.First(m => m.JsonName == jsonName);
}

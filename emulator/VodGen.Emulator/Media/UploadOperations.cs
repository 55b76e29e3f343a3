using System.Text.Json;
using System.Text.Json.Nodes;
using VodGen.Emulator.Gateway;

namespace VodGen.Emulator.Media;

/// <summary>CreateUploadVideo and RefreshUploadVideo over the media store, with real Base64 JSON upload fields.</summary>
internal static class UploadOperations
{
    private static readonly TimeSpan CredentialLifetime = TimeSpan.FromSeconds(3000);

    public static OperationResult CreateUploadVideo(OperationContext context)
    {
        var video = context.Store.Create(
            context.Parameters["Title"],
            context.Parameters["FileName"],
            context.Now,
            context.Parameters.GetValueOrDefault("Description"));
        return UploadAnswer(video, context);
    }

    public static OperationResult RefreshUploadVideo(OperationContext context)
    {
        var video = context.Store.Find(context.Parameters["VideoId"]);
        if (video is null)
        {
            return new GatewayError(404, "InvalidVideo.NotFound", "The video not exist.");
        }

        if (video.Damaged)
        {
            return new GatewayError(400, "InvalidVideo.Damaged", "The video has been Damaged.");
        }

        return UploadAnswer(video, context);
    }

    // The same upload address every time; a fresh temporary credential every time.
    private static JsonObject UploadAnswer(MediaVideo video, OperationContext context)
    {
        var address = new JsonObject
        {
            ["Endpoint"] = video.StorageEndpoint,
            ["Bucket"] = video.Bucket,
            ["FileName"] = video.ObjectKey,
        };
        var auth = new JsonObject
        {
            ["SecurityToken"] = "CAIS" + MediaStore.NewHex(48),
            ["AccessKeyId"] = "STS.NT" + MediaStore.NewHex(10),
            ["ExpireUTCTime"] = (context.Now + CredentialLifetime).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["AccessKeySecret"] = MediaStore.NewHex(20),
            ["Expiration"] = ((int)CredentialLifetime.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Region"] = context.RegionId,
        };
        return new JsonObject
        {
            ["VideoId"] = video.VideoId,
            ["UploadAddress"] = Base64(address),
            ["UploadAuth"] = Base64(auth),
        };
    }

    private static string Base64(JsonObject value) => Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(value));
}

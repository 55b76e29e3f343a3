using VodGen;
using VodGen.Vod;

namespace Quickstart;

/// <summary>The quickstart's steps, kept apart from the console plumbing so tests can run them too.</summary>
public static class UploadFlow
{
    public static async Task RunAsync(VodClient client, TextWriter output, CancellationToken cancellationToken = default)
    {
        output.WriteLine();
        output.WriteLine("1. CreateUploadVideo");
        var created = await client.CreateUploadVideoAsync(new CreateUploadVideoRequest { Title = "VodGen quickstart", FileName = "quickstart.mp4" }, cancellationToken);
        var address = created.DecodeUploadAddress();
        output.WriteLine($"   VideoId        {created.VideoId}");
        output.WriteLine($"   upload to      {address.Endpoint} bucket {address.Bucket}, key {address.FileName}");
        output.WriteLine($"   credential     {created.DecodeUploadAuth()}");

        output.WriteLine();
        output.WriteLine("2. The upload outlives its credential (simulated); RefreshUploadVideo");
        var refreshed = await client.RefreshUploadVideoAsync(new RefreshUploadVideoRequest { VideoId = created.VideoId! }, cancellationToken);
        var sameAddress = refreshed.DecodeUploadAddress();
        var credential = refreshed.DecodeUploadAuth();
        output.WriteLine($"   same address   {sameAddress.Bucket == address.Bucket && sameAddress.FileName == address.FileName}");
        output.WriteLine($"   new credential {credential}");
        output.WriteLine($"   valid for      {credential.Expiration?.TotalMinutes:0} minutes");

        output.WriteLine();
        output.WriteLine("3. RefreshUploadVideo for a video that does not exist");
        try
        {
            await client.RefreshUploadVideoAsync(new RefreshUploadVideoRequest { VideoId = "00000000000000000000000000000000" }, cancellationToken);
            output.WriteLine("   unexpected: the call succeeded");
        }
        catch (VodServiceException e) when (e.Code == RefreshUploadVideoErrors.InvalidVideoNotFound)
        {
            output.WriteLine($"   caught         {e.Code} (HTTP {(int)e.StatusCode}), RequestId {e.RequestId}");
        }
    }
}

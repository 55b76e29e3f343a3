using System.Diagnostics.Metrics;

namespace VodGen.Upload.Engine;

/// <summary>The uploader's instruments, on the client's <c>VodGen</c> meter (its activities go to the same source).</summary>
internal static class UploadTelemetry
{
    public static readonly Counter<long> Bytes = VodTelemetry.Meter.CreateCounter<long>("vodgen.upload.bytes", "By", "Bytes the storage acknowledged");

    public static readonly Counter<long> PartsResent = VodTelemetry.Meter.CreateCounter<long>("vodgen.upload.parts_resent", "{part}", "Parts sent again after a failure");

    public static readonly Counter<long> Refreshes = VodTelemetry.Meter.CreateCounter<long>("vodgen.upload.credential_refreshes", "{refresh}", "Upload credentials renewed with RefreshUploadVideo");
}

namespace VodGen.Generator.Model;

/// <summary>
/// A product whose CreateUploadVideo and RefreshUploadVideo both carry the upload address and credential, so the
/// upload helpers can be generated for it; which optional credential fields its answers have.
/// </summary>
internal sealed record UploadSupportModel(
    OperationSource Create,
    OperationSource Refresh,
    bool HasDurationExpiration,
    bool HasExpireUtcTime,
    bool HasRegion,
    string HintName);

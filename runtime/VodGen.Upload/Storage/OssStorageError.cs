using System;
using System.Net;

namespace VodGen.Upload.Storage;

/// <summary>An error answer of the storage service, secrets already masked.</summary>
internal sealed class OssStorageError : Exception
{
    public OssStorageError(HttpStatusCode status, string code, string message, string? requestId, DateTimeOffset? serverDate)
        : base($"{code} (HTTP {(int)status}): {message}")
    {
        Status = status;
        Code = code;
        ServiceMessage = message;
        RequestId = requestId;
        ServerDate = serverDate;
    }

    public HttpStatusCode Status { get; }

    public string Code { get; }

    public string ServiceMessage { get; }

    public string? RequestId { get; }

    public DateTimeOffset? ServerDate { get; }

    /// <summary>The credential has expired: renew it and go on.</summary>
    public bool IsExpiredCredential => Code is "SecurityTokenExpired" or "InvalidAccessKeyId";

    /// <summary>The credential is unusable: renew once, and fail if a fresh one is refused too.</summary>
    public bool IsBrokenCredential => Code is "InvalidSecurityToken" or "AccessKeyIdAndSecurityTokenNotMatch";

    public bool IsClockSkew => Code == "RequestTimeTooSkewed";
}

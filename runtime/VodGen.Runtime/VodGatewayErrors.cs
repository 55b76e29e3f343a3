namespace VodGen;

/// <summary>Error codes the API gateway can return for any operation.</summary>
public static class VodGatewayErrors
{
    /// <summary>A required parameter is missing.</summary>
    public static VodErrorCode MissingParameter { get; } = new("MissingParameter", 400, "A required parameter is missing.");

    /// <summary>A parameter's value is not valid.</summary>
    public static VodErrorCode InvalidParameter { get; } = new("InvalidParameter", 400, "A parameter's value is not valid.");

    /// <summary>The AccessKey ID is unknown.</summary>
    public static VodErrorCode InvalidAccessKeyIdNotFound { get; } = new("InvalidAccessKeyId.NotFound", 404, "The AccessKey ID does not exist.");

    /// <summary>The signature does not match the server's.</summary>
    public static VodErrorCode SignatureDoesNotMatch { get; } = new("SignatureDoesNotMatch", 400, "The request signature does not match.");

    /// <summary>The signature is incomplete or malformed.</summary>
    public static VodErrorCode IncompleteSignature { get; } = new("IncompleteSignature", 400, "The request signature is incomplete.");

    /// <summary>The nonce was already used.</summary>
    public static VodErrorCode SignatureNonceUsed { get; } = new("SignatureNonceUsed", 400, "The signature nonce was already used.");

    /// <summary>The timestamp is too far from the server's clock.</summary>
    public static VodErrorCode InvalidTimeStampExpired { get; } = new("InvalidTimeStamp.Expired", 400, "The timestamp is outside the allowed window.");

    /// <summary>The timestamp is not formatted as required.</summary>
    public static VodErrorCode InvalidTimeStampFormat { get; } = new("InvalidTimeStamp.Format", 400, "The timestamp is malformed.");

    /// <summary>The operation does not exist.</summary>
    public static VodErrorCode InvalidActionNotFound { get; } = new("InvalidAction.NotFound", 404, "The operation does not exist.");

    /// <summary>Requests are being throttled.</summary>
    public static VodErrorCode Throttling { get; } = new("Throttling", 400, "The request was throttled.");

    /// <summary>The account's call rate for the operation is exceeded.</summary>
    public static VodErrorCode ThrottlingUser { get; } = new("Throttling.User", 400, "Request was denied due to user flow control.");

    /// <summary>The operation's overall call rate is exceeded.</summary>
    public static VodErrorCode ThrottlingApi { get; } = new("Throttling.Api", 400, "Request was denied due to API flow control.");

    /// <summary>The caller lacks permission.</summary>
    public static VodErrorCode Forbidden { get; } = new("Forbidden", 403, "The caller is not authorized.");

    /// <summary>The service failed.</summary>
    public static VodErrorCode InternalError { get; } = new("InternalError", 500, "The service failed to process the request.");

    /// <summary>The service is unavailable.</summary>
    public static VodErrorCode ServiceUnavailable { get; } = new("ServiceUnavailable", 503, "The service is unavailable.");
}

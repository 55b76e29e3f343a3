namespace VodGen.Emulator.Gateway;

/// <summary>An error answer, as the service's gateway or an operation gives it.</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="Code">The error code.</param>
/// <param name="Message">The message.</param>
/// <param name="RetryAfterMilliseconds">For throttling: how long to wait, sent as <c>x-acs-retry-after</c>.</param>
public sealed record GatewayError(int Status, string Code, string Message, int? RetryAfterMilliseconds = null)
{
    internal static GatewayError MissingParameter(string name)
        => new(400, "MissingParameter", $"The input parameter \"{name}\" that is mandatory for processing this request is not supplied.");

    internal static GatewayError InvalidParameter(string name, string why)
        => new(400, "InvalidParameter", $"The specified parameter \"{name}\" is not valid: {why}.");

    internal static GatewayError IncompleteSignature(string why)
        => new(400, "IncompleteSignature", $"The request signature does not conform to Aliyun standards: {why}.");

    internal static GatewayError SignatureDoesNotMatch(string stringToSign)
        => new(400, "SignatureDoesNotMatch", "Specified signature is not matched with our calculation. server string to sign is:" + stringToSign);

    internal static GatewayError UnknownAccessKey()
        => new(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.");

    internal static GatewayError TokenMismatch()
        => new(400, "InvalidSecurityToken.MismatchWithAccessKey", "The security token does not match the access key.");

    internal static GatewayError TokenExpired()
        => new(400, "InvalidSecurityToken.Expired", "Specified SecurityToken is expired.");

    internal static GatewayError TimestampFormat()
        => new(400, "InvalidTimeStamp.Format", "Specified time stamp or date value is not well formatted.");

    internal static GatewayError TimestampExpired()
        => new(400, "InvalidTimeStamp.Expired", "Specified time stamp or date value is expired.");

    internal static GatewayError NonceUsed()
        => new(400, "SignatureNonceUsed", "Specified signature nonce was used already.");

    internal static GatewayError UnknownAction()
        => new(404, "InvalidAction.NotFound", "Specified api is not found, please check your url and method.");

    internal static GatewayError UserThrottled(int retryAfterMilliseconds)
        => new(400, "Throttling.User", "Request was denied due to user flow control.", retryAfterMilliseconds);
}

namespace VodGen.Throttling;

/// <summary>
/// What a rate limit is kept per: the account's key and the operation, with the limit in force for it
/// (from the spec for the client's region, or an override).
/// </summary>
/// <param name="AccessKeyId">The AccessKey ID that signs the calls.</param>
/// <param name="Action">The operation name.</param>
/// <param name="PermitsPerSecond">Calls per second allowed.</param>
public readonly record struct VodRateLimitKey(string AccessKeyId, string Action, int PermitsPerSecond);

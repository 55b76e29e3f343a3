using System;

namespace VodGen;

/// <summary>
/// An error code a spec documents, with its HTTP status and documented message. Compare it with an
/// exception's code: <c>catch (VodServiceException e) when (e.Code == RefreshUploadVideoErrors.InvalidVideoNotFound)</c>.
/// </summary>
public sealed class VodErrorCode : IEquatable<VodErrorCode>
{
    /// <summary>Describes an error code.</summary>
    public VodErrorCode(string code, int httpStatus, string message)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        Code = code;
        HttpStatus = httpStatus;
        Message = message ?? string.Empty;
    }

    /// <summary>The code, for example <c>InvalidVideo.NotFound</c>.</summary>
    public string Code { get; }

    /// <summary>The HTTP status the service answers with.</summary>
    public int HttpStatus { get; }

    /// <summary>The documented message (the service's wording may differ; compare codes only).</summary>
    public string Message { get; }

    /// <summary>True when <paramref name="code"/> is this error's code.</summary>
    public static bool operator ==(string? code, VodErrorCode? error) => error is null ? code is null : string.Equals(code, error.Code, StringComparison.Ordinal);

    /// <summary>True when <paramref name="code"/> is not this error's code.</summary>
    public static bool operator !=(string? code, VodErrorCode? error) => !(code == error);

    /// <summary>True when <paramref name="code"/> is this error's code.</summary>
    public static bool operator ==(VodErrorCode? error, string? code) => code == error;

    /// <summary>True when <paramref name="code"/> is not this error's code.</summary>
    public static bool operator !=(VodErrorCode? error, string? code) => !(code == error);

    /// <inheritdoc/>
    public bool Equals(VodErrorCode? other) => other is not null && string.Equals(Code, other.Code, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is VodErrorCode other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Code);

    /// <inheritdoc/>
    public override string ToString() => $"{Code} (HTTP {HttpStatus})";
}

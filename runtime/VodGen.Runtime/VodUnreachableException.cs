using System;
using System.Net.Http;

namespace VodGen;

/// <summary>
/// The service could not be reached, after every retry: its name did not resolve, the connection was refused or
/// failed, TLS failed, or no answer came in time. <see cref="Exception.InnerException"/> is the last failure.
/// </summary>
public sealed class VodUnreachableException : VodException
{
    /// <summary>Creates the exception.</summary>
    public VodUnreachableException(string action, string host, int attempts, Exception innerException)
        : base(Describe(action, host, attempts, innerException), innerException)
    {
        Action = action;
        Host = host;
        Attempts = attempts;
    }

    /// <summary>The operation called.</summary>
    public string Action { get; }

    /// <summary>The host (and port) that was tried.</summary>
    public string Host { get; }

    /// <summary>How many times it was tried.</summary>
    public int Attempts { get; }

    private static string Describe(string action, string host, int attempts, Exception failure)
    {
        var (what, advice) = failure switch
        {
            HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError } => ("the name does not resolve", "check VodClientOptions.RegionId (the host comes from it) or Endpoint, and the machine's DNS"),
            HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } => ("the connection was refused or failed", "check that the service (or emulator) runs at that address, and firewalls and proxies"),
            HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError } => ("the TLS handshake failed", "check the machine's clock and root certificates, and any proxy that intercepts TLS"),
            TimeoutException => ("no answer came in time", "raise VodClientOptions.Timeout, or check the network"),
            _ => ("the connection failed", "check the address, the network and proxies"),
        };
        return $"{action} could not reach {host} after {attempts} attempt{(attempts == 1 ? string.Empty : "s")}: {what} ({failure.Message}). To fix: {advice}.";
    }
}

using System;

namespace VodGen.Server.Events;

/// <summary>How HTTP callbacks are verified: the callback URL as configured in VOD, its AuthKey (and the previous one while keys rotate), and the time window.</summary>
public class VodCallbackVerifierOptions
{
    /// <summary>
    /// The callback URL exactly as configured with <c>SetMessageCallback</c> (or given in UserData): it is part of the
    /// signature. It is configured here rather than taken from the request, whose Host header the sender chooses.
    /// </summary>
    public string? CallbackUrl { get; set; }

    /// <summary>The AuthKey set with <c>SetMessageCallback</c>.</summary>
    public string? AuthKey { get; set; }

    /// <summary>The AuthKey before the last rotation, accepted as well until it is removed.</summary>
    public string? PreviousAuthKey { get; set; }

    /// <summary>How far a callback's timestamp may be from this machine's clock (default 5 minutes, the service's advice).</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The clock the window is measured on.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <inheritdoc/>
    public override string ToString()
        => $"VodCallbackVerifierOptions {{ CallbackUrl = {CallbackUrl}, AuthKey = {(AuthKey is null ? "null" : "***")}, PreviousAuthKey = {(PreviousAuthKey is null ? "null" : "***")}, Window = {Window} }}";
}

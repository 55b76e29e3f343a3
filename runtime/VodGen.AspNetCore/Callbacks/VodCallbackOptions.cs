using VodGen.Server.Events;

namespace VodGen.AspNetCore.Callbacks;

/// <summary>
/// The callback endpoint's settings (configuration section <c>Vod:Callbacks</c> by convention): how callbacks are
/// verified, and how many accepted events may wait for the handler. Validated when the host starts.
/// </summary>
public sealed class VodCallbackOptions : VodCallbackVerifierOptions
{
    /// <summary>How many accepted events may wait for the handler (default 10,000); beyond that callbacks are answered 503 so that VOD tries again.</summary>
    public int QueueCapacity { get; set; } = 10_000;

    /// <inheritdoc/>
    public override string ToString() => base.ToString().TrimEnd('}', ' ') + $", QueueCapacity = {QueueCapacity} }}";
}

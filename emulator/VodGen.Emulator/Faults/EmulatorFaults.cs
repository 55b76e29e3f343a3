namespace VodGen.Emulator;

/// <summary>
/// Trouble the emulator injects, for resilience tests. Shares are probabilities from 0 to 1, drawn per request
/// from a seeded generator so runs repeat. Set <see cref="VodEmulator.Faults"/> to change them while it runs.
/// </summary>
public sealed record EmulatorFaults
{
    /// <summary>No faults.</summary>
    public static EmulatorFaults None { get; } = new();

    /// <summary>Time added before every answer.</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>Share of requests answered <c>InternalError</c> (500) or <c>ServiceUnavailable</c> (503), half each.</summary>
    public double ServerErrorRate { get; init; }

    /// <summary>Share of requests answered <c>Throttling</c> (503), as in a platform-wide throttling storm.</summary>
    public double ThrottlingRate { get; init; }

    /// <summary>Share of requests whose connection is closed part-way through the answer.</summary>
    public double DropConnectionRate { get; init; }

    /// <summary>Share of requests answered with an HTML gateway page (502) instead of an error document.</summary>
    public double GatewayPageRate { get; init; }

    /// <summary>Seed of the draws.</summary>
    public int Seed { get; init; } = 20170321;

    internal bool Any => Latency > TimeSpan.Zero || ServerErrorRate > 0 || ThrottlingRate > 0 || DropConnectionRate > 0 || GatewayPageRate > 0;

    internal void Validate()
    {
        foreach (var (name, value) in new[] { (nameof(ServerErrorRate), ServerErrorRate), (nameof(ThrottlingRate), ThrottlingRate), (nameof(DropConnectionRate), DropConnectionRate), (nameof(GatewayPageRate), GatewayPageRate) })
        {
            if (value is < 0 or > 1 || double.IsNaN(value))
            {
                throw new ArgumentOutOfRangeException(name, value, $"{name} must be between 0 and 1.");
            }
        }

        if (ServerErrorRate + ThrottlingRate + DropConnectionRate + GatewayPageRate > 1)
        {
            throw new ArgumentException("The fault shares add up to more than 1.");
        }

        if (Latency < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(Latency), Latency, "Latency must not be negative.");
        }
    }
}

using System.Globalization;
using System.Text.Json.Nodes;
using VodGen.Emulator.Gateway;

namespace VodGen.Emulator.Media;

/// <summary>What an operation's behaviour gets: the validated parameters, the store, the region and the clock.</summary>
internal sealed record OperationContext(IReadOnlyDictionary<string, string> Parameters, MediaStore Store, string RegionId, DateTimeOffset Now)
{
    /// <summary>A text parameter, or null when absent or empty.</summary>
    public string? Text(string name) => Parameters.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    /// <summary>An integer parameter (the gateway already checked its syntax), or the fallback.</summary>
    public long Number(string name, long fallback) => Text(name) is { } text ? long.Parse(text, CultureInfo.InvariantCulture) : fallback;

    /// <summary>A comma-separated parameter as its non-empty entries.</summary>
    public string[] List(string name) => Text(name)?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [];

    /// <summary>A comma-separated parameter, refused with InvalidParameter beyond <paramref name="max"/> entries.</summary>
    public GatewayError? TooMany(string name, int max)
        => List(name).Length > max ? GatewayError.InvalidParameter(name, $"at most {max} values are allowed") : null;
}

/// <summary>An operation's answer: a body or an error.</summary>
internal readonly record struct OperationResult(JsonObject? Body, GatewayError? Error)
{
    public static implicit operator OperationResult(JsonObject body) => new(body, null);

    public static implicit operator OperationResult(GatewayError error) => new(null, error);
}

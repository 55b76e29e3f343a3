using System.Text.Json.Nodes;
using VodGen.Emulator.Gateway;

namespace VodGen.Emulator.Media;

/// <summary>What an operation's behaviour gets: the validated parameters, the store, the region and the clock.</summary>
internal sealed record OperationContext(IReadOnlyDictionary<string, string> Parameters, MediaStore Store, string RegionId, DateTimeOffset Now);

/// <summary>An operation's answer: a body or an error.</summary>
internal readonly record struct OperationResult(JsonObject? Body, GatewayError? Error)
{
    public static implicit operator OperationResult(JsonObject body) => new(body, null);

    public static implicit operator OperationResult(GatewayError error) => new(null, error);
}

using System.Collections.Frozen;
using System.Text.Json;
using VodGen.Emulator.Gateway;

namespace VodGen.Emulator.Specs;

/// <summary>What the emulator knows about one operation, read from its spec file.</summary>
public sealed class EmulatorOperation
{
    internal EmulatorOperation(string action, string product, string version, IReadOnlyList<EmulatorParameter> parameters, int? perAccountQps, FrozenDictionary<string, int> regionQps, JsonElement? responseSchema, FrozenDictionary<string, GatewayError> errors)
    {
        Action = action;
        Product = product;
        Version = version;
        Parameters = parameters;
        PerAccountQps = perAccountQps;
        RegionQps = regionQps;
        ResponseSchema = responseSchema;
        Errors = errors;
    }

    /// <summary>The errors the spec documents for the operation, by code, with their HTTP status and message.</summary>
    public FrozenDictionary<string, GatewayError> Errors { get; }

    /// <summary>The operation name.</summary>
    public string Action { get; }

    /// <summary>The product code.</summary>
    public string Product { get; }

    /// <summary>The API version.</summary>
    public string Version { get; }

    /// <summary>The request parameters.</summary>
    public IReadOnlyList<EmulatorParameter> Parameters { get; }

    /// <summary>The documented calls per second per account, when the spec states it.</summary>
    public int? PerAccountQps { get; }

    /// <summary>Regional limits that replace <see cref="PerAccountQps"/>.</summary>
    public FrozenDictionary<string, int> RegionQps { get; }

    /// <summary>The response schema, used to answer operations that have no behaviour of their own.</summary>
    public JsonElement? ResponseSchema { get; }

    /// <summary>The limit in force in <paramref name="regionId"/>, or null when none is documented.</summary>
    public int? QpsFor(string regionId) => RegionQps.TryGetValue(regionId, out var limit) ? limit : PerAccountQps;
}

/// <summary>A request parameter as the emulator validates it.</summary>
/// <param name="Name">The parameter name.</param>
/// <param name="Type">The JSON type: string, integer, number, boolean, array or object.</param>
/// <param name="Required">Whether the request must carry it.</param>
/// <param name="Style">repeatList, flat, json or empty.</param>
/// <param name="ItemType">The element type for arrays.</param>
public sealed record EmulatorParameter(string Name, string Type, bool Required, string Style, string ItemType)
{
    /// <summary>The values a text parameter may take; empty when any is allowed.</summary>
    public IReadOnlyList<string> Enum { get; init; } = [];

    /// <summary>Bounds of a numeric parameter, inclusive, when the spec states them.</summary>
    public (double? Minimum, double? Maximum) Bounds { get; init; }

    /// <summary>Length limits of a text parameter in characters, when the spec states them.</summary>
    public (int? MinLength, int? MaxLength) Length { get; init; }
}

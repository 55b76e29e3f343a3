using System.Globalization;
using System.Text.Json;
using VodGen.Emulator.Specs;

namespace VodGen.Emulator.Gateway;

/// <summary>
/// Checks a call's parameters against its spec: required ones present, values of the declared type, and scalars
/// within their listed values, bounds and lengths.
/// </summary>
internal static class ParameterValidator
{
    public static GatewayError? Check(EmulatorOperation operation, IReadOnlyDictionary<string, string> parameters)
    {
        foreach (var parameter in operation.Parameters)
        {
            // An object with style flat arrives member by member (Config.Mode, Config.Limits.Max), never as itself.
            var flatObject = parameter.Type == "object" && parameter.Style is "flat" or "repeatList";
            var flattened = parameter.Type == "array" && parameter.Style != "json";
            var values = flatObject ? MemberValues(parameter.Name, parameters)
                : flattened ? ListValues(parameter.Name, parameters)
                : parameters.TryGetValue(parameter.Name, out var single) ? new[] { single } : Array.Empty<string>();
            if (values.Count == 0 || (parameter.Type == "string" && values.All(string.IsNullOrEmpty)))
            {
                if (parameter.Required)
                {
                    return GatewayError.MissingParameter(parameter.Name);
                }

                continue;
            }

            if (flatObject)
            {
                continue;
            }

            // Members of flattened objects (Name.1.Field) carry no type of their own here.
            var type = flattened ? (parameter.ItemType == "object" ? "string" : parameter.ItemType) : parameter.Type;
            var json = !flattened && (parameter.Style == "json" || type is "object" or "array");
            foreach (var value in values)
            {
                if ((Invalid(value, json ? "json" : type) ?? (flattened || json ? null : Constrained(parameter, value))) is { } why)
                {
                    return GatewayError.InvalidParameter(parameter.Name, why);
                }
            }
        }

        return null;
    }

    // Values of Name.1, Name.2, ... (or Name.1.Field) for flattened lists.
    private static IReadOnlyList<string> ListValues(string name, IReadOnlyDictionary<string, string> parameters)
        => parameters.Where(p => p.Key.StartsWith(name + ".", StringComparison.Ordinal) && p.Key.Length > name.Length + 1 && char.IsAsciiDigit(p.Key[name.Length + 1]))
            .Select(p => p.Value)
            .ToList();

    // Values of Name.Field, Name.Sub.Field, Name.List.1 ... for flat objects.
    private static IReadOnlyList<string> MemberValues(string name, IReadOnlyDictionary<string, string> parameters)
        => parameters.Where(p => p.Key.StartsWith(name + ".", StringComparison.Ordinal) && p.Key.Length > name.Length + 1)
            .Select(p => p.Value)
            .ToList();

    private static string? Invalid(string value, string type) => type switch
    {
        "integer" => long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) ? null : "it must be a whole number",
        "number" => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? null : "it must be a number",
        "boolean" => value is "true" or "false" ? null : "it must be true or false",
        "json" => IsJson(value) ? null : "it must be JSON text",
        _ => null,
    };

    // The spec's constraints on a scalar, as the service enforces them.
    private static string? Constrained(EmulatorParameter parameter, string value)
    {
        if (parameter.Enum.Count > 0 && !parameter.Enum.Contains(value, StringComparer.Ordinal))
        {
            return "it must be one of " + string.Join(", ", parameter.Enum);
        }

        if (parameter.Type is "integer" or "number" && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            && (number < (parameter.Bounds.Minimum ?? double.NegativeInfinity) || number > (parameter.Bounds.Maximum ?? double.PositiveInfinity)))
        {
            return $"it must be from {parameter.Bounds.Minimum?.ToString(CultureInfo.InvariantCulture) ?? "any"} to {parameter.Bounds.Maximum?.ToString(CultureInfo.InvariantCulture) ?? "any"}";
        }

        if (parameter.Type == "string" && (value.Length < (parameter.Length.MinLength ?? 0) || value.Length > (parameter.Length.MaxLength ?? int.MaxValue)))
        {
            return $"its length must be from {parameter.Length.MinLength ?? 0} to {parameter.Length.MaxLength?.ToString(CultureInfo.InvariantCulture) ?? "any"} characters";
        }

        return null;
    }

    private static bool IsJson(string value)
    {
        try
        {
            using var _ = JsonDocument.Parse(value);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}

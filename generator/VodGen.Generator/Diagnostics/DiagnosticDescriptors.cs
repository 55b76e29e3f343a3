using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace VodGen.Generator.Diagnostics;

/// <summary>The one catalogue of VodGen diagnostics (documented in docs/diagnostics.md).</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "VodGen";

    public static readonly DiagnosticDescriptor InvalidJson = Error(
        "VODGEN001", "Spec file is not valid JSON", "The spec file is not valid JSON: {0}");

    public static readonly DiagnosticDescriptor MissingMember = Error(
        "VODGEN002", "Required spec member is missing", "'{0}' is missing the required member '{1}'");

    public static readonly DiagnosticDescriptor WrongJsonKind = Error(
        "VODGEN003", "Spec member has the wrong JSON type", "'{0}' must be {1}, but it is {2}");

    public static readonly DiagnosticDescriptor UnknownType = Warning(
        "VODGEN004", "Unknown schema type", "'{0}' has the type '{1}', which is not one of string, integer, number, boolean, array, object or any; its value is read and sent as raw JSON (JsonElement)");

    public static readonly DiagnosticDescriptor UnsupportedStyle = Warning(
        "VODGEN005", "Unknown parameter style", "Parameter '{0}' uses the style '{1}' with type '{2}', which VodGen does not know; it is sent as {3}");

    public static readonly DiagnosticDescriptor DuplicateOperation = Error(
        "VODGEN006", "Operation defined more than once", "The operation '{0}' of {1} {2} is already defined in '{3}'");

    public static readonly DiagnosticDescriptor MissingType = Warning(
        "VODGEN007", "Schema has no type", "'{0}' has no 'type'; its value is read and sent as raw JSON (JsonElement)");

    public static readonly DiagnosticDescriptor ReservedParameterName = Error(
        "VODGEN008", "Parameter name is reserved", "Parameter '{0}' of '{1}' has the name of a common request parameter the client sets itself");

    public static readonly DiagnosticDescriptor InvalidExtension = Error(
        "VODGEN009", "Invalid VodGen extension value", "'{0}' is not valid here: {1}");

    public static readonly DiagnosticDescriptor SharedTypeConflict = Error(
        "VODGEN010", "Shared type defined with different shapes", "The type '{0}' is declared again with a different shape; give one of them another x-vodgen-typeName");

    public static readonly DiagnosticDescriptor UnsupportedApiStyle = Error(
        "VODGEN011", "Unsupported API style", "The API style '{0}' is not supported; VodGen generates clients for RPC-style APIs");

    public static readonly DiagnosticDescriptor DuplicateKey = Error(
        "VODGEN012", "Duplicate key in a JSON object", "The key '{0}' appears more than once in the same object");

    public static readonly DiagnosticDescriptor EndpointConflict = Warning(
        "VODGEN013", "Conflicting endpoints for a region", "Region '{0}' is mapped to '{1}' here but to '{2}' in another spec file; the first one is used");

    public static readonly DiagnosticDescriptor IdentifierCollision = Warning(
        "VODGEN014", "Names collide in generated code", "'{0}' and '{1}' both become the C# name '{2}'; the later one is named '{3}'");

    public static readonly DiagnosticDescriptor InternalError = Error(
        "VODGEN015", "VodGen could not process a spec file", "VodGen failed while processing this spec file ({0}); please report this with the file attached");

    public static readonly DiagnosticDescriptor LanguageVersionTooLow = Error(
        "VODGEN016", "C# 11 or later is required", "Generated VodGen code uses required members and needs C# 11 or later; the project uses {0}");

    public static readonly DiagnosticDescriptor InvalidErrorTable = Warning(
        "VODGEN017", "Error table row could not be read", "Row {0} of the error table in 'extraInfo' could not be read: {1}");

    public static readonly DiagnosticDescriptor VersionConflict = Error(
        "VODGEN018", "Two versions of a product in one namespace", "Product '{0}' appears with versions '{1}' and '{2}' in the namespace '{3}'; set a separate VodGenNamespace per version");

    public static readonly DiagnosticDescriptor SelectedOperationMissing = Warning(
        "VODGEN019", "Selected operation not found", "The operation '{0}' is selected by {1} but no spec file defines it");

    public static readonly DiagnosticDescriptor InvalidPattern = Warning(
        "VODGEN026", "Pattern cannot be compiled by .NET", "The pattern of '{0}' is not a .NET regular expression ({1}); values are not checked against it before sending");

    public static readonly DiagnosticDescriptor ContradictoryBounds = Warning(
        "VODGEN027", "Lower bound is above the upper bound", "'{0}' has {1} {2} above {3} {4}, so no value could pass; neither bound is checked before sending");

    public static readonly DiagnosticDescriptor NonHttpErrorGroup = Warning(
        "VODGEN028", "Error codes grouped under a number that is not an HTTP status", "'{0}' groups error codes under '{1}', which is not an HTTP status; the codes are kept, without a status");

    public static readonly DiagnosticDescriptor IgnoredSpecValue = Warning(
        "VODGEN029", "Spec value cannot be used as written", "'{0}' {1}; {2}");

    public static readonly DiagnosticDescriptor UnresolvedReference = Warning(
        "VODGEN030", "Schema reference cannot be resolved", "'{0}' refers to '{1}', which this file does not define under components.schemas; the value is read and sent as raw JSON (JsonElement)");

    public static readonly DiagnosticDescriptor DuplicateParameter = Warning(
        "VODGEN031", "Parameter listed twice with different definitions", "Parameter '{0}' of '{1}' is listed again with a different definition; the first one is used");

    public static readonly DiagnosticDescriptor LikelyTypo = Warning(
        "VODGEN032", "Spec key or value looks like a typo", "The {0} '{1}' at {2} is not one the format knows here; did you mean '{3}'? As written it is ignored");

    public static readonly DiagnosticDescriptor RuntimeNotReferenced = Error(
        "VODGEN033", "VodGen.Runtime is missing or of another version", "Generated code needs VodGen.Runtime with contract version {0}, but the project {1}; no code is generated from its spec files. Reference the VodGen package with its dependencies (it brings VodGen.Runtime), or a VodGen.Runtime of the same release as the generator");

    public static readonly DiagnosticDescriptor InvalidAccessibility = Warning(
        "VODGEN034", "Unknown accessibility for generated types", "The VodGenAccessibility property is '{0}'; it takes 'public' (the default) or 'internal'. The generated types are public");

    public static readonly DiagnosticDescriptor LengthViolation = Error(
        "VODGEN020", "Constant text breaks the spec's length limits", "{0} is {1} characters long, but the spec allows {2}; the call would be refused before sending");

    public static readonly DiagnosticDescriptor PatternViolation = Error(
        "VODGEN021", "Constant text does not match the spec's pattern", "{0} does not match the pattern {1} the spec requires; the call would be refused before sending");

    public static readonly DiagnosticDescriptor RangeViolation = Error(
        "VODGEN022", "Constant number is out of the spec's range", "{0} is {1}, but the spec allows {2}; the call would be refused before sending");

    public static readonly DiagnosticDescriptor ItemCountViolation = Error(
        "VODGEN023", "Constant list breaks the spec's item count", "{0} has {1} items, but the spec allows {2}; the call would be refused before sending");

    public static readonly DiagnosticDescriptor EmptyRequiredText = Error(
        "VODGEN024", "Required text is empty", "{0} is required and must not be empty; the call would be refused before sending");

    public static readonly DiagnosticDescriptor NotAllowedValue = Error(
        "VODGEN025", "Constant number is not one the spec lists", "{0} is {1}, but the spec allows only {2}; the call would be refused before sending");

    private static readonly Dictionary<string, DiagnosticDescriptor> ById = Index(
        InvalidJson, MissingMember, WrongJsonKind, UnknownType, UnsupportedStyle, DuplicateOperation, MissingType,
        ReservedParameterName, InvalidExtension, SharedTypeConflict, UnsupportedApiStyle, DuplicateKey,
        EndpointConflict, IdentifierCollision, InternalError, LanguageVersionTooLow, InvalidErrorTable, VersionConflict,
        SelectedOperationMissing, InvalidPattern, ContradictoryBounds, NonHttpErrorGroup, IgnoredSpecValue, UnresolvedReference, DuplicateParameter, LikelyTypo, RuntimeNotReferenced, InvalidAccessibility, LengthViolation, PatternViolation, RangeViolation, ItemCountViolation, EmptyRequiredText, NotAllowedValue);

    public static IEnumerable<DiagnosticDescriptor> All => ById.Values;

    public static DiagnosticDescriptor Find(string id) => ById[id];

    private static DiagnosticDescriptor Error(string id, string title, string message)
        => Create(id, title, message, DiagnosticSeverity.Error);

    private static DiagnosticDescriptor Warning(string id, string title, string message)
        => Create(id, title, message, DiagnosticSeverity.Warning);

    private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity)
        => new(id, title, message, Category, severity, isEnabledByDefault: true, helpLinkUri: HelpLinks.For(id));

    private static Dictionary<string, DiagnosticDescriptor> Index(params DiagnosticDescriptor[] descriptors)
    {
        var map = new Dictionary<string, DiagnosticDescriptor>();
        foreach (var descriptor in descriptors)
        {
            map.Add(descriptor.Id, descriptor);
        }

        return map;
    }
}

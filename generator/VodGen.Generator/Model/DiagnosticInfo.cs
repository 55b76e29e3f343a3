using System.Linq;
using Microsoft.CodeAnalysis;
using VodGen.Generator.Diagnostics;

namespace VodGen.Generator.Model;

/// <summary>A diagnostic waiting to be reported: descriptor id, location and message arguments only.</summary>
internal sealed record DiagnosticInfo(string Id, LocationInfo? Location, EquatableArray<string> Arguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] arguments)
        => new(descriptor.Id, location, new EquatableArray<string>(arguments));

    /// <param name="helpPage">The diagnostics page the build names (a file URI), or empty for the built-in one.</param>
    public Diagnostic ToDiagnostic(string helpPage)
        => Diagnostic.Create(
            HelpLinks.Descriptor(Id, helpPage),
            Location?.ToLocation() ?? Microsoft.CodeAnalysis.Location.None,
            Arguments.Cast<object>().ToArray());
}

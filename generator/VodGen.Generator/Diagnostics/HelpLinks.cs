using System;
using System.Collections.Concurrent;
using System.IO;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace VodGen.Generator.Diagnostics;

/// <summary>
/// Help links of the diagnostics: an absolute <c>file:</c> URI of the diagnostics page, with the diagnostic's section
/// as the fragment. The project has no web home, so the page the user already has is the one the IDE opens. The
/// package's props name its own copy (<c>analyzers/dotnet/cs/docs/diagnostics.md</c>) in the <c>VodGenHelpPage</c>
/// property, because a host may load the generator from a shadow copy or from memory, where no page stands beside it;
/// without the property (a project reference to the generator), the page beside the generator assembly is used.
/// </summary>
internal static class HelpLinks
{
    /// <summary>The MSBuild property the package sets to its copy of the page.</summary>
    public const string PageProperty = "build_property.VodGenHelpPage";

    private static readonly string BesideAssembly = LocatePage();

    // Descriptors with a page other than the built-in one, by page and ID (one page per build in practice).
    private static readonly ConcurrentDictionary<(string Page, string Id), DiagnosticDescriptor> Relinked = new();

    public static string For(string id) => For(BesideAssembly, id);

    /// <summary>The page the build names (an absolute file URI), or empty when it names none usable.</summary>
    public static string PageOf(AnalyzerConfigOptions globalOptions)
    {
        if (!globalOptions.TryGetValue(PageProperty, out var path) || string.IsNullOrWhiteSpace(path))
        {
            return string.Empty;
        }

        try
        {
            path = path.Trim();
            return Path.IsPathRooted(path) ? new Uri(path).AbsoluteUri : string.Empty;
        }
        catch (Exception exception) when (exception is ArgumentException or UriFormatException or PathTooLongException)
        {
            return string.Empty;
        }
    }

    /// <summary>The catalogue's descriptor <paramref name="id"/>, linking to <paramref name="page"/> when it is not empty.</summary>
    public static DiagnosticDescriptor Descriptor(string id, string page)
        => page.Length == 0
            ? DiagnosticDescriptors.Find(id)
            : Relinked.GetOrAdd((page, id), static key =>
            {
                var d = DiagnosticDescriptors.Find(key.Id);
                return new DiagnosticDescriptor(d.Id, d.Title, d.MessageFormat, d.Category, d.DefaultSeverity, d.IsEnabledByDefault, d.Description, For(key.Page, key.Id), System.Linq.Enumerable.ToArray(d.CustomTags));
            });

    private static string For(string page, string id) => page + "#" + id.ToLowerInvariant();

    private static string LocatePage()
    {
        try
        {
            var assembly = typeof(HelpLinks).Assembly.Location;
            var directory = assembly.Length > 0 ? Path.GetDirectoryName(assembly) : null;
            if (!string.IsNullOrEmpty(directory))
            {
                return new Uri(Path.Combine(directory, "docs", "diagnostics.md")).AbsoluteUri;
            }
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException or UriFormatException or PathTooLongException or System.Security.SecurityException)
        {
            // Fall through: a host that loads the generator from memory has no path to offer.
        }

        return "file:///VodGen/docs/diagnostics.md";
    }
}

using System;
using System.IO;

namespace VodGen.Generator.Diagnostics;

/// <summary>
/// Help links of the diagnostics: an absolute <c>file:</c> URI of the diagnostics page, which the package ships
/// beside the generator (<c>analyzers/dotnet/cs/docs/diagnostics.md</c>) and the build copies beside it too, with
/// the diagnostic's section as the fragment. The project has no web home, so the page the user already has is the
/// one the IDE opens.
/// </summary>
internal static class HelpLinks
{
    private static readonly string Page = LocatePage();

    public static string For(string id) => Page + "#" + id.ToLowerInvariant();

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

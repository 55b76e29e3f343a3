using System.Text;
using System.Text.RegularExpressions;

namespace VodGen.PackageTests;

/// <summary>
/// The C# snippets of README.md and docs/*.md, each turned into a compilable file whose lines map back to the Markdown
/// (<c>#line</c>), so that a snippet that does not compile fails the build at its own line in its own page.
/// </summary>
/// <remarks>
/// A snippet is compiled as written, inside an async method; its leading <c>using</c> directives stay directives.
/// What the prose around it establishes (a <c>client</c> made earlier, the usings of the page's first snippet) is
/// named in an HTML comment on the line before the fence, which renderers hide:
/// <c>&lt;!-- snippet context: using VodGen.Vod; global::VodGen.VodClient client --&gt;</c>.
/// </remarks>
internal static partial class DocumentationSnippets
{
    public sealed record Snippet(string File, int Line, IReadOnlyList<string> Context, IReadOnlyList<string> Code);

    public static IReadOnlyList<Snippet> Find(string repoRoot)
    {
        var pages = new[] { Path.Combine(repoRoot, "README.md") }.Concat(Directory.GetFiles(Path.Combine(repoRoot, "docs"), "*.md").Order(StringComparer.Ordinal));
        return pages.SelectMany(Read).ToList();
    }

    private static IEnumerable<Snippet> Read(string page)
    {
        var lines = File.ReadAllLines(page);
        for (var i = 0; i < lines.Length; i++)
        {
            if (!CSharpFence().IsMatch(lines[i]))
            {
                continue;
            }

            var close = Array.FindIndex(lines, i + 1, l => l.TrimEnd() == "```");
            if (close < 0)
            {
                throw new InvalidDataException($"{page}:{i + 1}: the C# code block is never closed.");
            }

            var context = i > 0 && ContextComment().Match(lines[i - 1]) is { Success: true } comment
                ? comment.Groups[1].Value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : [];
            yield return new Snippet(page, i + 2, context, lines[(i + 1)..close]);
            i = close;
        }
    }

    /// <summary>The snippet as a C# file: its usings, then its statements in a method whose parameters are its context.</summary>
    public static string Render(Snippet snippet, int index)
    {
        var builder = new StringBuilder();
        var path = snippet.File.Replace("\\", "\\\\", StringComparison.Ordinal);
        builder.AppendLine("// " + Path.GetFileName(snippet.File) + ":" + snippet.Line);
        foreach (var directive in snippet.Context.Where(IsUsing))
        {
            builder.AppendLine(directive.EndsWith(';') ? directive : directive + ";");
        }

        var body = 0;
        for (; body < snippet.Code.Count && (UsingDirective().IsMatch(snippet.Code[body]) || string.IsNullOrWhiteSpace(snippet.Code[body])); body++)
        {
            if (!string.IsNullOrWhiteSpace(snippet.Code[body]))
            {
                builder.AppendLine($"#line {snippet.Line + body} \"{path}\"").AppendLine(snippet.Code[body]).AppendLine("#line default");
            }
        }

        var parameters = string.Join(", ", snippet.Context.Where(c => !IsUsing(c)));
        builder.AppendLine($"internal static class Snippet{index}").AppendLine("{")
            .AppendLine($"    internal static async global::System.Threading.Tasks.Task RunAsync({parameters})").AppendLine("    {")
            .AppendLine($"#line {snippet.Line + body} \"{path}\"");
        foreach (var line in snippet.Code.Skip(body))
        {
            builder.AppendLine(line);
        }

        return builder.AppendLine("#line default").AppendLine("    }").AppendLine("}").ToString();
    }

    private static bool IsUsing(string item) => item.StartsWith("using ", StringComparison.Ordinal);

    [GeneratedRegex(@"^```(csharp|cs|c#)\s*$")]
    private static partial Regex CSharpFence();

    [GeneratedRegex(@"^\s*<!--\s*snippet context:(.*?)-->\s*$")]
    private static partial Regex ContextComment();

    // "using X.Y;" with an optional comment, not "using var" or "using (".
    [GeneratedRegex(@"^using\s+(static\s+)?[A-Za-z_][\w.]*(\s*=\s*[\w.<>, ]+)?\s*;\s*(//.*)?$")]
    private static partial Regex UsingDirective();
}

using System.Globalization;
using System.Text;

namespace VodGen.Generator.Parsing;

/// <summary>Turns names from a spec (JSON keys, error codes) into C# identifiers.</summary>
internal static class Identifiers
{
    /// <summary>
    /// A PascalCase identifier: characters that cannot appear in C# names split the name into words,
    /// each word starts upper-case, and a leading digit gets an underscore. <c>InvalidVideo.NotFound</c>
    /// becomes <c>InvalidVideoNotFound</c>. Every C# keyword is lower-case, so the result is never one.
    /// </summary>
    public static string ToPascalCase(string name)
    {
        if (IsPascalCase(name))
        {
            // Nearly every official name already is one (VideoId, RequestId): no copy.
            return name;
        }

        var builder = new StringBuilder(name.Length + 1);
        var startWord = true;
        foreach (var c in name)
        {
            if (IsIdentifierPart(c))
            {
                builder.Append(startWord ? char.ToUpperInvariant(c) : c);
                startWord = false;
            }
            else
            {
                startWord = true;
            }
        }

        if (builder.Length == 0 || !IsIdentifierStart(builder[0]))
        {
            builder.Insert(0, '_');
        }

        return builder.ToString();
    }

    // What ToPascalCase would return unchanged: starts upper-case (so not with a digit) and has only identifier characters.
    private static bool IsPascalCase(string name)
    {
        if (name.Length == 0 || !IsIdentifierStart(name[0]) || char.ToUpperInvariant(name[0]) != name[0])
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!IsIdentifierPart(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A camelCase local variable name that cannot clash with keywords (prefixed with <c>@</c> when needed).</summary>
    public static string ToLocalName(string pascal)
    {
        var local = pascal.Length > 0 && char.IsUpper(pascal[0])
            ? char.ToLowerInvariant(pascal[0]) + pascal.Substring(1)
            : pascal;
        return Keywords.Contains(local) ? "@" + local : local;
    }

    /// <summary>
    /// <paramref name="name"/>, or the first of <c>name2</c>, <c>name3</c>, ... that <paramref name="used"/> does not
    /// hold yet; the result is added to it.
    /// </summary>
    /// <summary>Member names a generated class already has, and so never gives a property: its own name and its methods.</summary>
    private static readonly string[] ReservedMemberNames = { "ToString", "Equals", "GetHashCode", "GetType", "WithPlaybackUrls" };

    /// <summary>The names taken in a generated class before its members are named.</summary>
    public static System.Collections.Generic.HashSet<string> MemberScope(string className)
        => new(ReservedMemberNames, System.StringComparer.Ordinal) { className };

    /// <summary>
    /// The C# name of a member called <paramref name="jsonName"/> on the wire, in the scope of its class: PascalCase, with
    /// Value added when it is the class's own name, numbered (2, 3, ...) when taken. The binder names members this way, and
    /// VODGEN014 reports the name this gives, so the two never disagree.
    /// </summary>
    public static string MemberName(string jsonName, string className, System.Collections.Generic.HashSet<string> scope)
    {
        var name = ToPascalCase(jsonName);
        return Unique(name == className ? name + "Value" : name, scope);
    }

    public static string Unique(string name, System.Collections.Generic.HashSet<string> used)
    {
        var candidate = name;
        for (var i = 2; !used.Add(candidate); i++)
        {
            candidate = name + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return candidate;
    }

    public static bool IsValidTypeName(string name)
    {
        if (name.Length == 0 || !IsIdentifierStart(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!IsIdentifierPart(c))
            {
                return false;
            }
        }

        return !Keywords.Contains(name);
    }

    private static bool IsIdentifierStart(char c) => c == '_' || char.IsLetter(c);

    private static bool IsIdentifierPart(char c)
    {
        switch (CharUnicodeInfo.GetUnicodeCategory(c))
        {
            case UnicodeCategory.UppercaseLetter:
            case UnicodeCategory.LowercaseLetter:
            case UnicodeCategory.TitlecaseLetter:
            case UnicodeCategory.ModifierLetter:
            case UnicodeCategory.OtherLetter:
            case UnicodeCategory.LetterNumber:
            case UnicodeCategory.DecimalDigitNumber:
            case UnicodeCategory.ConnectorPunctuation:
            case UnicodeCategory.NonSpacingMark:
            case UnicodeCategory.SpacingCombiningMark:
                return true;
            default:
                return false;
        }
    }

    private static readonly System.Collections.Generic.HashSet<string> Keywords = new()
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
        "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
        "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override",
        "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short",
        "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof",
        "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
    };
}

using System.Linq;
using VodGen.Generator.Binding;
using VodGen.Generator.Model;

namespace VodGen.Generator.Emitting;

/// <summary>
/// Emits an enum-like option type: a sealed class with a private constructor and one static instance per
/// allowed value. Nothing converts a string into it, so a value the spec does not list does not compile; it
/// converts to the string the service expects wherever a string is written.
/// </summary>
internal static class OptionTypeEmitter
{
    public static void Emit(SourceWriter writer, BoundOption option)
    {
        XmlDoc.Summary(writer, option.Description, "The values the service accepts.");
        writer.WriteLine("/// <remarks>Only the listed values exist; each converts to the text sent to the service.</remarks>");
        writer.WriteGeneratedAttributes();
        writer.Open("public sealed class " + option.Name + " : global::System.IEquatable<" + option.Name + ">");
        writer.WriteLine("private " + option.Name + "(string value) => Value = value;");
        foreach (var (value, member) in option.Values)
        {
            writer.WriteLine();
            writer.WriteLine("/// <summary>The value <c>" + XmlDoc.Escape(value) + "</c>.</summary>");
            writer.WriteLine("public static " + option.Name + " " + member + " { get; } = new(" + Literals.String(value) + ");");
        }

        writer.WriteLine();
        writer.WriteLine("/// <summary>Every allowed value, in the order the spec lists them.</summary>");
        writer.WriteLine("public static global::System.Collections.Generic.IReadOnlyList<" + option.Name + "> All { get; } = new[] { "
            + string.Join(", ", option.Values.Select(v => v.MemberName)) + " };");
        writer.WriteLine();
        writer.WriteLine("/// <summary>The text sent to the service.</summary>");
        writer.WriteLine("public string Value { get; }");
        writer.WriteLine();
        writer.WriteLine("/// <summary>The listed value whose text is <paramref name=\"value\"/> (compared ordinally), for text read from configuration.</summary>");
        writer.WriteLine("/// <returns>False, with a null <paramref name=\"option\"/>, when the spec does not list the text.</returns>");
        writer.Open("public static bool TryFromValue(string? value, [global::System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out " + option.Name + "? option)");
        writer.Open("foreach (var candidate in All)");
        writer.Open("if (string.Equals(candidate.Value, value, global::System.StringComparison.Ordinal))");
        writer.WriteLine("option = candidate;");
        writer.WriteLine("return true;");
        writer.Close();
        writer.Close();
        writer.WriteLine();
        writer.WriteLine("option = null;");
        writer.WriteLine("return false;");
        writer.Close();
        writer.WriteLine();
        writer.WriteLine("/// <summary>The text sent to the service.</summary>");
        writer.WriteLine("public static implicit operator string?(" + option.Name + "? option) => option?.Value;");
        writer.WriteLine();
        writer.WriteLine("/// <inheritdoc/>");
        writer.WriteLine("public bool Equals(" + option.Name + "? other) => other is not null && string.Equals(Value, other.Value, global::System.StringComparison.Ordinal);");
        writer.WriteLine();
        writer.WriteLine("/// <inheritdoc/>");
        writer.WriteLine("public override bool Equals(object? obj) => obj is " + option.Name + " other && Equals(other);");
        writer.WriteLine();
        writer.WriteLine("/// <inheritdoc/>");
        writer.WriteLine("public override int GetHashCode() => global::System.StringComparer.Ordinal.GetHashCode(Value);");
        writer.WriteLine();
        writer.WriteLine("/// <summary>The text sent to the service.</summary>");
        writer.WriteLine("public override string ToString() => Value;");
        writer.Close();
    }
}

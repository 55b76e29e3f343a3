using System.Collections.Generic;

namespace VodGen.Generator.Merging;

/// <summary>
/// The names of generated files, decided in one place. An operation's file is named by the operation; every other
/// file (the product's client, a shared type, the serializers, the upload helpers) by its type, with the kind added
/// when an operation of the same namespace has that name. Operation names are identifiers and unique per namespace,
/// type names are unique per namespace, and a kind adds a dot no identifier has: no two files can share a name.
/// </summary>
internal static class FileNames
{
    public const string ClientKind = "Client";
    public const string SchemaKind = "Schema";
    public const string SerializersKind = "Serializers";
    public const string UploadKind = "Upload";

    public static string Operation(string ns, string operation) => ns + "." + operation + ".g.cs";

    /// <param name="operations">The names of the namespace's operations.</param>
    public static string Type(string ns, string typeName, string kind, ICollection<string> operations)
        => ns + "." + typeName + (operations.Contains(typeName) ? "." + kind : string.Empty) + ".g.cs";
}

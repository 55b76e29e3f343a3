using System.ComponentModel;
using System.Text.Json;

namespace VodGen.GeneratedCode;

/// <summary>Reads a JSON object the reader stands on as one generated class; <paramref name="path"/> names it in errors.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate T VodJsonObjectReader<T>(ref Utf8JsonReader reader, string path);

/// <summary>
/// Reads the value of member <paramref name="name"/> of the object at <paramref name="path"/>; the reader stands on
/// the member's name. For members that hold objects or lists (<see cref="VodJsonShape"/>'s <c>r</c>).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate object? VodJsonValueReader(ref Utf8JsonReader reader, string path, string name);

using System;
using System.Collections.Generic;
using System.IO;
using System.Xml;

namespace VodGen.Upload.Storage;

/// <summary>The storage's XML answers read as their leaf elements, in order, with the name of each element's parent.</summary>
internal static class OssXml
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreWhitespace = true,
        MaxCharactersInDocument = 16 * 1024 * 1024,
    };

    /// <summary>(Parent, Name, Value) of every element that holds text.</summary>
    /// <exception cref="XmlException">The body is not well-formed XML.</exception>
    public static List<(string Parent, string Name, string Value)> Leaves(ReadOnlyMemory<byte> body)
    {
        var leaves = new List<(string, string, string)>();
        var path = new Stack<string>();
        using var stream = new MemoryStream(body.ToArray(), writable: false);
        using var reader = XmlReader.Create(stream, Settings);
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    if (!reader.IsEmptyElement)
                    {
                        path.Push(reader.LocalName);
                    }

                    break;
                case XmlNodeType.EndElement:
                    path.Pop();
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA:
                    var name = path.Pop();
                    leaves.Add((path.Count > 0 ? path.Peek() : string.Empty, name, reader.Value));
                    path.Push(name);
                    break;
            }
        }

        return leaves;
    }

    /// <summary>The name of the document's root element, or null when the body is not XML.</summary>
    public static string? Root(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var stream = new MemoryStream(body.ToArray(), writable: false);
            using var reader = XmlReader.Create(stream, Settings);
            return reader.MoveToContent() == XmlNodeType.Element ? reader.LocalName : null;
        }
        catch (XmlException)
        {
            return null;
        }
    }

    /// <summary>The first element called <paramref name="name"/>, or null.</summary>
    public static string? First(List<(string Parent, string Name, string Value)> leaves, string name)
    {
        foreach (var leaf in leaves)
        {
            if (leaf.Name == name)
            {
                return leaf.Value;
            }
        }

        return null;
    }
}

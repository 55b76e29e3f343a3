using System;

namespace VodGen.Generator.Parsing;

/// <summary>Structural JSON problems the reader itself does not raise (empty file, trailing content).</summary>
internal sealed class JsonTreeException : Exception
{
    public JsonTreeException(string message, int byteOffset)
        : base(message) => ByteOffset = byteOffset;

    public int ByteOffset { get; }
}

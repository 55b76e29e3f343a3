using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace VodGen.Generator.Model;

/// <summary>A place inside a spec file, kept as plain values so models stay cacheable.</summary>
internal sealed record LocationInfo(
    string FilePath,
    int Start,
    int Length,
    int StartLine,
    int StartColumn,
    int EndLine,
    int EndColumn)
{
    public Location ToLocation() => Location.Create(
        FilePath,
        new TextSpan(Start, Length),
        new LinePositionSpan(new LinePosition(StartLine, StartColumn), new LinePosition(EndLine, EndColumn)));
}

using System.Text.Json;
using BenchmarkDotNet.Attributes;
using VodGen.Vod;

namespace VodGen.Benchmarks;

/// <summary>
/// Reading answers with the generated Utf8JsonReader readers, against <see cref="JsonDocument.Parse(ReadOnlyMemory{byte}, JsonDocumentOptions)"/>
/// of the same bytes (which builds no typed object at all).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class ParsingBenchmarks
{
    [Params("RefreshUploadVideo sample", "GetPlayInfo, 60 streams")]
    public string Body { get; set; } = "RefreshUploadVideo sample";

    private byte[] Bytes => Body.StartsWith("Refresh", StringComparison.Ordinal) ? BenchmarkData.SampleBody : BenchmarkData.LargePlayInfoBody;

    [Benchmark(Baseline = true, Description = "JsonDocument.Parse")]
    public int Document()
    {
        using var document = JsonDocument.Parse(Bytes);
        return document.RootElement.GetArrayLength_Safe();
    }

    [Benchmark(Description = "generated reader")]
    public object Generated()
    {
        var reader = new Utf8JsonReader(Bytes);
        reader.Read();
        return Body.StartsWith("Refresh", StringComparison.Ordinal)
            ? RefreshUploadVideoOperation.Instance.ReadResponse(ref reader)
            : GetPlayInfoOperation.Instance.ReadResponse(ref reader);
    }
}

internal static class JsonElementExtensions
{
    // Touches the root so the document cannot be optimised away.
    public static int GetArrayLength_Safe(this JsonElement element) => element.ValueKind == JsonValueKind.Array ? element.GetArrayLength() : (int)element.ValueKind;
}

using System.Collections.Immutable;
using System.Diagnostics;
using CsCheck;
using Microsoft.CodeAnalysis;
using VodGen.Testing;

namespace VodGen.Generator.Tests;

/// <summary>
/// Mutated and truncated real spec files: the generator never throws, never reports an internal error, answers
/// within a bound, and whatever it generates without an error compiles.
/// </summary>
public class FuzzTests
{
    private const int Cases = 10_000;
    private const int BatchSize = 400;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);
    private const string Alphabet = "{}[]\":,.-+0123456789eEtruefalsnul \n\t\\/abcXYZ_é🎬<>&*";

    private static readonly string[] Seeds =
    {
        GeneratorHarness.Spec("RefreshUploadVideo.json"),
        GeneratorHarness.Spec("CreateUploadVideo.json"),
        GeneratorHarness.Spec("SearchMedia.json"), // paging with a token, option types, constraint attributes
        GeneratorHarness.Fixture("official-sample.json"),
        SyntheticProduct.Create(2),
    };

    private sealed record Mutation(int Kind, double Position, int Length, char Character);

    private static string Apply(string text, IEnumerable<Mutation> mutations)
    {
        foreach (var m in mutations)
        {
            var at = Math.Min((int)(m.Position * text.Length), text.Length);
            var length = Math.Min(m.Length, text.Length - at);
            text = m.Kind switch
            {
                0 => text[..at],                                                  // truncate
                1 => text.Remove(at, length),                                     // delete a span
                2 => text.Insert(at, new string(m.Character, 1 + (m.Length % 3))), // insert characters
                3 when at < text.Length => text.Remove(at, 1).Insert(at, m.Character.ToString()), // replace one
                4 => text.Insert(at, text.Substring(at, length)),                 // duplicate a span
                _ => text,
            };
        }

        return text;
    }

    [Fact]
    public void Generator_survives_mutated_specs_and_what_it_generates_compiles()
    {
        var mutation = Gen.Select(Gen.Int[0, 4], Gen.Double[0, 1], Gen.Int[1, 40], Gen.Int[0, Alphabet.Length - 1])
            .Select((kind, position, length, c) => new Mutation(kind, position, length, Alphabet[c]));
        var cases = Gen.Select(Gen.Int[0, Seeds.Length - 1], mutation.Array[1, 3]);

        var batch = new List<SyntaxTree>();
        var counter = 0;
        var compiled = 0;

        // One fixed PCG stream: the same 10,000 cases every run, so CI is deterministic; a failure names its case.
        // Set VODGEN_FUZZ_SEED to explore other cases locally.
        var seedValue = ulong.TryParse(Environment.GetEnvironmentVariable("VODGEN_FUZZ_SEED"), out var chosen) ? chosen : 20170321UL;
        var pcg = new PCG(7, seedValue);
        for (var n = 0; n < Cases; n++)
        {
            var (seed, mutations) = cases.Generate(pcg, null, out _);
            var text = Apply(Seeds[seed], mutations);
            var ns = "Fuzz.Case" + counter++;
            var watch = Stopwatch.StartNew();
            var driver = GeneratorHarness.Driver(
                new[] { ($"/fuzz/{ns}.json", text) },
                new Dictionary<string, string> { ["build_property.VodGenNamespace"] = ns });
            var result = driver.RunGenerators(GeneratorHarness.Compilation(Array.Empty<string>())).GetRunResult().Results.Single();
            watch.Stop();

            var context = $"VODGEN_FUZZ_SEED={seedValue}, case {n}: seed file {seed}, mutations {string.Join(", ", mutations.Select(m => m.ToString()))}";
            Assert.True(result.Exception is null, context + ": " + result.Exception);
            Assert.False(result.Diagnostics.Any(d => d.Id == "VODGEN015"), context + ": " + string.Join("; ", result.Diagnostics));
            Assert.True(watch.Elapsed < Bound, $"{context}: took {watch.Elapsed}");
            if (!result.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
            {
                batch.AddRange(result.GeneratedSources.Select(s => s.SyntaxTree));
                compiled++;
            }

            if (batch.Count >= BatchSize * 8)
            {
                CompileBatch(batch);
            }
        }

        CompileBatch(batch);
        Assert.Equal(Cases, counter);
        Assert.True(compiled > 100, $"only {compiled} cases generated code; the mutations are too destructive to test compilation");
    }

    private static void CompileBatch(List<SyntaxTree> batch)
    {
        if (batch.Count == 0)
        {
            return;
        }

        var compilation = GeneratorHarness.Compilation(Array.Empty<string>()).AddSyntaxTrees(batch);
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Take(5).ToList();
        Assert.True(errors.Count == 0, "generated code does not compile:\n" + string.Join("\n", errors.Select(e => e + " in " + e.Location.SourceTree?.GetText().ToString().Split('\n').ElementAtOrDefault(e.Location.GetLineSpan().StartLinePosition.Line))));
        batch.Clear();
    }
}

using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace VodGen.Benchmarks;

/// <summary>
/// What each kind of generated method body costs the compiler: the product's generated sources compiled in-process
/// (parse excluded, bind and emit included, warm, best of several interleaved rounds), whole, with every body removed
/// (the floor), with one kind of body removed at a time, and with parts of the readers (the costliest kind) removed;
/// the difference to the whole is what that part costs.
/// <c>dotnet run -c Release --project benchmarks/VodGen.Benchmarks -- profile-compile vod-one-line [ROUNDS] [--only TEXT]</c>.
/// </summary>
internal static class ProfileCompile
{
    private static readonly (string Name, Func<SyntaxNode, SyntaxNode> Rewrite)[] Variants =
    [
        ("whole", static n => n),
        ("without ToString", Strip(static m => m.Identifier.Text == "ToString")),
        ("without readers (Read_*)", Strip(static m => m.Identifier.Text.StartsWith("Read_", StringComparison.Ordinal))),
        ("without JSON writers (Write_*)", Strip(static m => m.Identifier.Text.StartsWith("Write_", StringComparison.Ordinal))),
        ("without WriteParameters (+ WriteFlat*)", Strip(static m => m.Identifier.Text is "WriteParameters" || m.Identifier.Text.StartsWith("WriteFlat", StringComparison.Ordinal))),
        ("without Validate (+ Validate*)", Strip(static m => m.Identifier.Text.StartsWith("Validate", StringComparison.Ordinal))),
        ("without client methods (*Async, *ItemsCore)", Strip(static m => m.Identifier.Text.EndsWith("Async", StringComparison.Ordinal) || m.Identifier.Text.EndsWith("ItemsCore", StringComparison.Ordinal))),
        ("without Decode*, WithPlaybackUrls, ReadResponse", Strip(static m => m.Identifier.Text.StartsWith("Decode", StringComparison.Ordinal) || m.Identifier.Text is "WithPlaybackUrls" or "ReadResponse")),
        ("readers: switch cases empty (no member reads)", Readers(ReaderPart.Reads)),
        ("readers: no loop or switch", Readers(ReaderPart.Loop)),
        ("readers: no loop, no initializer", Readers(ReaderPart.Loop | ReaderPart.Initializer)),
        ("readers: no loop, initializer, locals", Readers(ReaderPart.Loop | ReaderPart.Initializer | ReaderPart.Locals)),
        ("readers: only `return new T();`", Readers(ReaderPart.Loop | ReaderPart.Initializer | ReaderPart.Locals | ReaderPart.Reader)),
        ("floor (every body removed)", Strip(static _ => true)),
    ];

    public static int Run(TextWriter output, string product, int rounds, string? only)
    {
        var path = "/bench/specs/" + product + ".json";
        var texts = System.Collections.Immutable.ImmutableArray.Create<AdditionalText>(new GenerationBenchmarks.SpecText(path, GenerationBenchmarks.SpecOf(product)));
        var run = GenerationBenchmarks.NewDriver(texts, new GenerationBenchmarks.SpecOptions(path)).RunGenerators(GenerationBenchmarks.Compilation("Sources")).GetRunResult().Results[0];
        var trees = run.GeneratedSources.Select(s => s.SyntaxTree).ToArray();
        var references = GenerationBenchmarks.FullReferences();
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release, nullableContextOptions: NullableContextOptions.Enable);
        var variants = Variants
            .Where(v => only is null || v.Name is "whole" || v.Name.StartsWith("floor", StringComparison.Ordinal) || v.Name.Contains(only, StringComparison.Ordinal))
            .Select(v => (v.Name, Trees: trees.Select(t => t.WithRootAndOptions(v.Rewrite(t.GetRoot()), t.Options)).ToArray()))
            .ToList();
        var best = new double[variants.Count];
        Array.Fill(best, double.MaxValue);
        for (var round = 0; round <= rounds; round++)
        {
            // Interleaved, so that a slow moment of the machine touches every variant alike; round 0 warms up.
            for (var i = 0; i < variants.Count; i++)
            {
                // A new compilation each time (nothing bound is reused), over trees already parsed.
                var compilation = CSharpCompilation.Create("Profile", variants[i].Trees, references, options);
                var stopwatch = Stopwatch.StartNew();
                using var pe = new MemoryStream();
                var result = compilation.Emit(pe);
                var elapsed = stopwatch.Elapsed.TotalMilliseconds;
                if (!result.Success)
                {
                    output.WriteLine(variants[i].Name + " does not compile: " + result.Diagnostics.First(d => d.Severity == DiagnosticSeverity.Error));
                    return 1;
                }

                if (round > 0)
                {
                    best[i] = Math.Min(best[i], elapsed);
                }
            }
        }

        output.WriteLine($"{product}: {trees.Length} files, {trees.Sum(t => t.Length):N0} characters; bind + emit in-process, best of {rounds}");
        var bodies = best[0] - best[^1];
        for (var i = 0; i < variants.Count; i++)
        {
            var saved = best[0] - best[i];
            output.WriteLine($"  {variants[i].Name,-50} {best[i],8:F0} ms   saves {saved,6:F0} ms ({saved / bodies,5:P0} of the bodies)");
        }

        return 0;
    }

    private static Func<SyntaxNode, SyntaxNode> Strip(Func<MethodDeclarationSyntax, bool> which) => root => new BodyStripper(which).Visit(root);

    private static Func<SyntaxNode, SyntaxNode> Readers(ReaderPart parts) => root => new ReaderCutter(parts).Visit(root);

    // Replaces the bodies of the chosen methods with `=> throw null!`.
    private sealed class BodyStripper(Func<MethodDeclarationSyntax, bool> which) : CSharpSyntaxRewriter
    {
        public override SyntaxNode? VisitMethodDeclaration(MethodDeclarationSyntax node)
            => !which(node) ? base.VisitMethodDeclaration(node) : node.WithBody(null)
                .WithExpressionBody(SyntaxFactory.ArrowExpressionClause(SyntaxFactory.ParseExpression(" throw null!")))
                .WithSemicolonToken(SyntaxFactory.Token(SyntaxKind.SemicolonToken));
    }

    /// <summary>The parts of a generated reader (<c>Read_*</c>) that <see cref="ReaderCutter"/> can take out.</summary>
    [Flags]
    private enum ReaderPart
    {
        None = 0,

        /// <summary>The statement of each switch case (the member's read and assignment); the cases stay.</summary>
        Reads = 1,

        /// <summary>The loop over the members and its switch.</summary>
        Loop = 2,

        /// <summary>The object initializer of the result (<c>return new T();</c> instead).</summary>
        Initializer = 4,

        /// <summary>The locals the values are read into.</summary>
        Locals = 8,

        /// <summary>The member reader and its members table.</summary>
        Reader = 16,
    }

    private sealed class ReaderCutter(ReaderPart parts) : CSharpSyntaxRewriter
    {
        public override SyntaxNode? VisitMethodDeclaration(MethodDeclarationSyntax node)
        {
            if (!node.Identifier.Text.StartsWith("Read_", StringComparison.Ordinal) || node.Body is null)
            {
                return node;
            }

            var kept = new List<StatementSyntax>();
            foreach (var statement in node.Body.Statements)
            {
                switch (statement)
                {
                    case LocalDeclarationStatementSyntax local when local.Declaration.Variables[0].Identifier.Text == "o":
                        if (!parts.HasFlag(ReaderPart.Reader))
                        {
                            kept.Add(local);
                        }

                        break;
                    case LocalDeclarationStatementSyntax local:
                        if (!parts.HasFlag(ReaderPart.Locals))
                        {
                            kept.Add(local);
                        }

                        break;
                    case WhileStatementSyntax loop when parts.HasFlag(ReaderPart.Loop):
                        break;
                    case WhileStatementSyntax loop when parts.HasFlag(ReaderPart.Reads):
                        kept.Add((StatementSyntax)new CaseEmptier().Visit(loop));
                        break;
                    case ReturnStatementSyntax { Expression: ObjectCreationExpressionSyntax creation } when parts.HasFlag(ReaderPart.Initializer):
                        kept.Add(SyntaxFactory.ReturnStatement(creation.WithInitializer(null).WithArgumentList(SyntaxFactory.ArgumentList())));
                        break;
                    default:
                        kept.Add(statement);
                        break;
                }
            }

            return node.WithBody(node.Body.WithStatements(SyntaxFactory.List(kept)));
        }
    }

    private sealed class CaseEmptier : CSharpSyntaxRewriter
    {
        public override SyntaxNode? VisitSwitchSection(SwitchSectionSyntax node)
            => node.WithStatements(SyntaxFactory.SingletonList<StatementSyntax>(SyntaxFactory.BreakStatement()));
    }
}

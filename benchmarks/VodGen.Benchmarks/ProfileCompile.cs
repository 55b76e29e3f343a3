using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace VodGen.Benchmarks;

/// <summary>
/// What each kind of generated method body costs the compiler: the product's generated sources compiled in-process
/// (parse excluded, bind and emit included, on one thread, warm, best of several interleaved rounds), whole, with every body removed
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
        ("readers: shape made elsewhere (`Shape_X!`)", Readers(ReaderPart.Shape)),
        ("readers: shape without value readers (`null`)", Readers(ReaderPart.ValueReaders)),
        ("readers: value readers with type arguments (`Object<T>(Read_X)`)", ExplicitTypeArguments),
        ("readers: value readers without method groups (`Object<T>(null!)`)", NoMethodGroups),
        ("readers: value readers as bare method groups (simulated)", static n => new BareMethodGroups().Visit(n)),
        ("readers: value readers as one switch per class of readers (simulated)", static n => new SwitchDispatch().Visit(n)),
        ("readers: object initializer gone (`return new T();`)", Readers(ReaderPart.Initializer)),
        ("readers: only `return new T();`", Readers(ReaderPart.Initializer | ReaderPart.Read)),
        ("floor (every body removed)", Strip(static _ => true)),
    ];

    public static int Run(TextWriter output, string product, int rounds, string? only)
    {
        var path = "/bench/specs/" + product + ".json";
        var texts = System.Collections.Immutable.ImmutableArray.Create<AdditionalText>(new GenerationBenchmarks.SpecText(path, GenerationBenchmarks.SpecOf(product)));
        var run = GenerationBenchmarks.NewDriver(texts, new GenerationBenchmarks.SpecOptions(path)).RunGenerators(GenerationBenchmarks.Compilation("Sources")).GetRunResult().Results[0];
        var trees = run.GeneratedSources.Select(s => s.SyntaxTree).ToArray();
        var references = GenerationBenchmarks.FullReferences();
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: false);
        s_readerTypes = trees.SelectMany(t => t.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>())
            .Where(m => m.Identifier.Text.StartsWith("Read_", StringComparison.Ordinal))
            .GroupBy(m => m.Identifier.Text)
            .ToDictionary(g => g.Key, g => g.First().ReturnType);
        var variants = Variants
            .Where(v => only is null || v.Name is "whole" || v.Name.StartsWith("floor", StringComparison.Ordinal) || v.Name.Contains(only, StringComparison.Ordinal))
            .Select(v => (v.Name, Trees: trees.Select(t => t.WithRootAndOptions(v.Rewrite(t.GetRoot()), t.Options)).ToArray()))
            .ToList();
        var best = new double[variants.Count];
        Array.Fill(best, double.MaxValue);
        for (var round = 0; round <= rounds; round++)
        {
            // Interleaved, so that a slow moment of the machine touches every variant alike, and starting from another
            // variant each round, so that none always follows the same one; round 0 warms up.
            for (var step = 0; step < variants.Count; step++)
            {
                var i = (step + round) % variants.Count;

                // A new compilation each time (nothing bound is reused), over trees already parsed, on a heap cleared of
                // the previous compilation (whose collection would otherwise be charged to this one).
                var compilation = CSharpCompilation.Create("Profile", variants[i].Trees, references, options);
                GC.Collect();
                GC.WaitForPendingFinalizers();
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

    // Set before the variants are made: each reader method's name and return type, across all generated files.
    private static Dictionary<string, TypeSyntax> s_readerTypes = new();

    private static SyntaxNode ExplicitTypeArguments(SyntaxNode root) => new TypeArgumentWriter(s_readerTypes, false).Visit(root);

    private static SyntaxNode NoMethodGroups(SyntaxNode root) => new TypeArgumentWriter(s_readerTypes, true).Visit(root);

    private static Func<SyntaxNode, SyntaxNode> Readers(ReaderPart parts) => root => new ReaderCutter(parts).Visit(root);

    // Replaces the bodies of the chosen methods with `=> throw null!` (an iterator's with `{ yield break; }`).
    private sealed class BodyStripper(Func<MethodDeclarationSyntax, bool> which) : CSharpSyntaxRewriter
    {
        public override SyntaxNode? VisitMethodDeclaration(MethodDeclarationSyntax node)
        {
            if (!which(node))
            {
                return base.VisitMethodDeclaration(node);
            }

            if (node.Body?.DescendantNodes().OfType<YieldStatementSyntax>().Any() == true)
            {
                return node.WithBody(SyntaxFactory.Block(SyntaxFactory.YieldStatement(SyntaxKind.YieldBreakStatement)));
            }

            return node.WithBody(null)
                .WithExpressionBody(SyntaxFactory.ArrowExpressionClause(SyntaxFactory.ParseExpression(" throw null!")))
                .WithSemicolonToken(SyntaxFactory.Token(SyntaxKind.SemicolonToken));
        }
    }

    /// <summary>The parts of a generated reader (<c>Read_*</c>) that <see cref="ReaderCutter"/> can take out.</summary>
    [Flags]
    private enum ReaderPart
    {
        None = 0,

        /// <summary>The object initializer of the result and the <c>Complete</c> call (<c>return new T();</c> instead).</summary>
        Initializer = 1,

        /// <summary>The <c>VodJsonValues.Read(…)</c> statement with the class's shape.</summary>
        Read = 2,

        /// <summary>The shape's construction (<c>Shape_X ??= new(…)</c> becomes <c>Shape_X!</c>).</summary>
        Shape = 4,

        /// <summary>The shape's array of value readers (becomes <c>null</c>).</summary>
        ValueReaders = 8,
    }

    // A reader is `VodJsonValues.Read(ref reader, path, Shape_X ??= new(…), out var v);` and
    // `return v.Complete(new T { A = v.String(0), … });`.
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
                if (statement is ExpressionStatementSyntax && parts.HasFlag(ReaderPart.Read))
                {
                    continue;
                }

                if (statement is ExpressionStatementSyntax read && (parts.HasFlag(ReaderPart.Shape) || parts.HasFlag(ReaderPart.ValueReaders)))
                {
                    kept.Add((StatementSyntax)new ShapeCutter(parts).Visit(read));
                    continue;
                }

                if (statement is ReturnStatementSyntax { Expression: InvocationExpressionSyntax { ArgumentList.Arguments: [{ Expression: ObjectCreationExpressionSyntax creation }] } }
                    && parts.HasFlag(ReaderPart.Initializer))
                {
                    kept.Add(SyntaxFactory.ReturnStatement(creation.WithInitializer(null).WithArgumentList(SyntaxFactory.ArgumentList())));
                    continue;
                }

                kept.Add(statement);
            }

            return node.WithBody(node.Body.WithStatements(SyntaxFactory.List(kept)));
        }
    }

    private sealed class ShapeCutter(ReaderPart parts) : CSharpSyntaxRewriter
    {
        public override SyntaxNode? VisitAssignmentExpression(AssignmentExpressionSyntax node)
            => parts.HasFlag(ReaderPart.Shape) && node.IsKind(SyntaxKind.CoalesceAssignmentExpression)
                ? SyntaxFactory.PostfixUnaryExpression(SyntaxKind.SuppressNullableWarningExpression, node.Left)
                : base.VisitAssignmentExpression(node);

        public override SyntaxNode? VisitArrayCreationExpression(ArrayCreationExpressionSyntax node)
            => parts.HasFlag(ReaderPart.ValueReaders) ? SyntaxFactory.LiteralExpression(SyntaxKind.NullLiteralExpression) : base.VisitArrayCreationExpression(node);
    }

    // `VodJsonValueReaders.Object(Read_X)` → `VodJsonValueReaders.Object<T>(Read_X)`: no type inference from a method group.
    private sealed class TypeArgumentWriter(Dictionary<string, TypeSyntax> readerTypes, bool withoutMethodGroup) : CSharpSyntaxRewriter
    {
        public override SyntaxNode? VisitInvocationExpression(InvocationExpressionSyntax node)
        {
            if (node.Expression is MemberAccessExpressionSyntax { Name: IdentifierNameSyntax { Identifier.Text: "Object" or "Objects" } name } access
                && access.Expression.ToString().EndsWith("VodJsonValueReaders", StringComparison.Ordinal)
                && node.ArgumentList.Arguments is [{ Expression: IdentifierNameSyntax reader }]
                && readerTypes.TryGetValue(reader.Identifier.Text, out var type))
            {
                var generic = SyntaxFactory.GenericName(name.Identifier, SyntaxFactory.TypeArgumentList(SyntaxFactory.SingletonSeparatedList(type.WithoutTrivia())));
                var call = node.WithExpression(access.WithName(generic));
                return withoutMethodGroup ? call.WithArgumentList(SyntaxFactory.ParseArgumentList("(null!)")) : call;
            }

            return base.VisitInvocationExpression(node);
        }
    }

    // What value readers would cost as one dispatching method per class of readers: the shape names each member's
    // reader by number (lists of scalars by kind letter), and `case 3: return Read_X(ref r, p);` calls it, so that no
    // method group is converted to a delegate per member. Simulated: the shapes get `null`, and each class that holds
    // readers gets a method with a case for every reader its shapes referred to.
    private sealed class SwitchDispatch : CSharpSyntaxRewriter
    {
        // Per process: the serializer classes are partial across files, so every dispatcher needs a name of its own.
        private static int s_dispatchers;

        public override SyntaxNode? VisitClassDeclaration(ClassDeclarationSyntax node)
        {
            var readers = node.Members.OfType<MethodDeclarationSyntax>()
                .Where(m => m.Identifier.Text.StartsWith("Read_", StringComparison.Ordinal))
                .SelectMany(m => m.DescendantNodes().OfType<InvocationExpressionSyntax>())
                .Where(i => i.Expression is MemberAccessExpressionSyntax { Name.Identifier.Text: "Object" or "Objects" } && i.ArgumentList.Arguments.Count == 1)
                .Select(i => i.ArgumentList.Arguments[0].Expression.ToString())
                .Distinct()
                .ToList();
            var visited = (ClassDeclarationSyntax)base.VisitClassDeclaration(node)!;
            if (readers.Count == 0)
            {
                return visited;
            }

            var cases = string.Concat(readers.Select((reader, i) => "case " + i + ": return " + reader + "(ref r, p); "));
            var dispatch = SyntaxFactory.ParseMemberDeclaration(
                "private static object? Dispatch_" + Interlocked.Increment(ref s_dispatchers) + "(int id, ref global::System.Text.Json.Utf8JsonReader r, string p) { switch (id) { " + cases + "default: return null; } }")!;
            return visited.AddMembers(dispatch);
        }

        public override SyntaxNode? VisitArrayCreationExpression(ArrayCreationExpressionSyntax node)
            => node.Type.ElementType.ToString().EndsWith("VodJsonValueReader", StringComparison.Ordinal)
                ? SyntaxFactory.LiteralExpression(SyntaxKind.NullLiteralExpression)
                : base.VisitArrayCreationExpression(node);
    }

    // What value readers would cost as bare method groups converted to one non-generic delegate type (return type
    // covariance: `Read_X` returning a class converts to a delegate returning object), lists of scalars as kind letters
    // (no reader): the shape gets `null`, and a statement beside it makes the same conversions into an array.
    private sealed class BareMethodGroups : CSharpSyntaxRewriter
    {
        public override SyntaxNode? VisitBlock(BlockSyntax node)
        {
            var statements = new List<StatementSyntax>();
            foreach (var statement in node.Statements)
            {
                var array = statement.DescendantNodes().OfType<ArrayCreationExpressionSyntax>().FirstOrDefault(a => a.Type.ElementType.ToString().EndsWith("VodJsonValueReader", StringComparison.Ordinal));
                if (statement is not ExpressionStatementSyntax || array is null)
                {
                    statements.Add(statement);
                    continue;
                }

                var groups = array.Initializer!.Expressions.OfType<InvocationExpressionSyntax>()
                    .Where(i => i.Expression is MemberAccessExpressionSyntax { Name.Identifier.Text: "Object" or "Objects" })
                    .Select(i => i.ArgumentList.Arguments[0].Expression.ToString())
                    .ToList();
                statements.Add(statement.ReplaceNode(array, SyntaxFactory.LiteralExpression(SyntaxKind.NullLiteralExpression)));
                if (groups.Count > 0)
                {
                    statements.Add(SyntaxFactory.ParseStatement("_ = new global::VodGen.GeneratedCode.VodJsonObjectReader<object>[] { " + string.Join(", ", groups) + " };"));
                }
            }

            return node.WithStatements(SyntaxFactory.List(statements));
        }
    }
}

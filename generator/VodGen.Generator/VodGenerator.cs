using Microsoft.CodeAnalysis;
using VodGen.Generator.Binding;
using VodGen.Generator.Emitting;
using VodGen.Generator.Merging;
using VodGen.Generator.Parsing;

namespace VodGen.Generator;

/// <summary>
/// Generates typed VOD clients from spec files. This class only wires the pipeline:
/// spec files → parsed models → merged products and operations → bound (C#-shaped) operations → one source per
/// operation, with diagnostics on a separate output.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class VodGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // Each spec file is parsed straight from the compiler's text: no step keeps the text (a copy of an official
        // file is megabytes), and the parsed model is what later steps compare. The price: a change of the build's
        // options (.editorconfig, MSBuild properties) parses the spec files again, as an edit of them does.
        var parsed = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, cancellationToken) => BuildInputs.ReadSpecFile(pair.Left, pair.Right.GetOptions(pair.Left), cancellationToken) is { } file ? SpecReader.Read(file, cancellationToken) : null)
            .Where(static result => result is not null)
            .Select(static (result, _) => result!)
            .WithTrackingName(TrackingNames.Parsed);

        var options = context.AnalyzerConfigOptionsProvider
            .Combine(context.ParseOptionsProvider)
            .Select(static (pair, _) => BuildInputs.ReadOptions(pair.Left.GlobalOptions, pair.Right))
            .WithTrackingName(TrackingNames.Options);

        var merged = parsed.Collect()
            .Combine(options)
            .Select(static (pair, cancellationToken) => SpecMerger.Merge(pair.Left, pair.Right, cancellationToken))
            .WithTrackingName(TrackingNames.Merged);

        var products = merged.SelectMany(static (specs, _) => SourceSets.Products(specs)).WithTrackingName(TrackingNames.Products);
        var operations = merged.SelectMany(static (specs, _) => specs.Operations).WithTrackingName(TrackingNames.Operations);
        var boundOperations = operations.Select(static (operation, cancellationToken) => OperationBinder.Bind(operation, cancellationToken)).WithTrackingName(TrackingNames.BoundOperations);
        var sharedTypes = merged.SelectMany(static (specs, _) => specs.SharedTypes).WithTrackingName(TrackingNames.SharedTypes);
        var namespaces = merged.SelectMany(static (specs, _) => SourceSets.Namespaces(specs)).WithTrackingName(TrackingNames.Namespaces);
        var boundSharedTypes = sharedTypes.Select(static (type, cancellationToken) => OperationBinder.BindShared(type, cancellationToken)).WithTrackingName(TrackingNames.BoundSharedTypes);
        var helpPage = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) => Diagnostics.HelpLinks.PageOf(provider.GlobalOptions))
            .WithTrackingName(TrackingNames.HelpPage);
        var fileDiagnostics = parsed.SelectMany(static (result, _) => result.Diagnostics).Combine(helpPage).WithTrackingName(TrackingNames.FileDiagnostics);
        var mergeDiagnostics = merged.SelectMany(static (specs, _) => specs.Diagnostics).Combine(helpPage).WithTrackingName(TrackingNames.MergeDiagnostics);

        // Upload helpers: for products with both upload operations, in projects that reference VodGen.Upload.
        var uploadSupport = merged.Select(static (specs, _) => UploadSupport.Find(specs)).WithTrackingName(TrackingNames.UploadSupport);
        // What the compilation references, found once per compilation by type: two values, so the steps after it stay
        // cached while the user types. Without a compatible runtime nothing is generated (one diagnostic instead of
        // compiler errors inside generated files).
        var runtime = context.CompilationProvider
            .Select(static (compilation, _) => BuildInputs.ReadReferences(compilation))
            .WithTrackingName(TrackingNames.RuntimeReference);
        var uploads = uploadSupport.Combine(runtime)
            .SelectMany(static (pair, _) => pair.Right.Upload ? pair.Left : Model.EquatableArray<Model.UploadSupportModel>.Empty)
            .WithTrackingName(TrackingNames.Uploads)
            .Select(static (upload, cancellationToken) => UploadBinder.Bind(upload, cancellationToken))
            .WithTrackingName(TrackingNames.BoundUploads);
        var runtimeCheck = merged.Select(static (specs, _) => specs.Products.Count > 0).Combine(runtime).WithTrackingName(TrackingNames.RuntimeCheck);

        context.RegisterSourceOutput(products.Combine(runtime), static (spc, pair) => { if (pair.Right.Compatible) SourceOutputs.AddProduct(spc, pair.Left); });
        context.RegisterSourceOutput(boundOperations.Combine(runtime), static (spc, pair) => { if (pair.Right.Compatible) SourceOutputs.AddOperation(spc, pair.Left); });
        context.RegisterSourceOutput(uploads.Combine(runtime), static (spc, pair) => { if (pair.Right.Compatible) SourceOutputs.AddUpload(spc, pair.Left); });
        context.RegisterSourceOutput(boundSharedTypes.Combine(runtime), static (spc, pair) => { if (pair.Right.Compatible) SourceOutputs.AddSharedType(spc, pair.Left); });
        context.RegisterSourceOutput(namespaces.Combine(runtime), static (spc, pair) => { if (pair.Right.Compatible) SourceOutputs.AddSerializers(spc, pair.Left); });
        context.RegisterSourceOutput(runtimeCheck.Combine(helpPage), static (spc, pair) => SourceOutputs.ReportRuntime(spc, pair.Left.Left, pair.Left.Right, pair.Right));
        context.RegisterSourceOutput(fileDiagnostics, static (spc, pair) => SourceOutputs.Report(spc, pair.Left, pair.Right));
        context.RegisterSourceOutput(mergeDiagnostics, static (spc, pair) => SourceOutputs.Report(spc, pair.Left, pair.Right));
    }
}

using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using VodGen.Generator.Diagnostics;
using VodGen.Generator.Binding;
using VodGen.Generator.Merging;
using VodGen.Generator.Model;

namespace VodGen.Generator.Emitting;

/// <summary>Adds generated sources for each pipeline output; an emitter failure becomes a diagnostic, never an exception.</summary>
internal static class SourceOutputs
{
    public static void AddOperation(SourceProductionContext context, BoundOperation operation)
        => Add(context, FileNames.Operation(operation.Namespace, operation.Name), operation, OperationFileEmitter.Emit);

    public static void AddProduct(SourceProductionContext context, ProductSource product)
        => Add(context, product.Product.HintName, product, ProductEmitter.Emit);

    public static void AddSharedType(SourceProductionContext context, BoundSharedType type)
        => Add(context, type.HintName, type, SharedTypeEmitter.Emit);

    /// <summary>The one declaration of a namespace's serializers class that carries its attributes and documentation.</summary>
    public static void AddSerializers(SourceProductionContext context, SerializersSource serializers)
        => Add(context, serializers.HintName, serializers.Namespace, ObjectClassEmitter.EmitSerializersDeclaration);

    public static void AddUpload(SourceProductionContext context, BoundUpload upload)
        => Add(context, upload.HintName, upload, UploadEmitter.Emit);

    /// <summary>VODGEN033, once, when there are specs to generate from but no compatible runtime to generate against.</summary>
    public static void ReportRuntime(SourceProductionContext context, bool hasSpecs, ReferencedRuntime runtime, string helpPage)
    {
        if (hasSpecs && !runtime.Compatible)
        {
            var found = runtime.Contract == 0 ? "does not reference it" : "references one with contract version " + runtime.Contract.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Report(context, DiagnosticInfo.Create(DiagnosticDescriptors.RuntimeNotReferenced, null, GeneratorInfo.RuntimeContract.ToString(System.Globalization.CultureInfo.InvariantCulture), found), helpPage);
        }
    }

    public static void Report(SourceProductionContext context, DiagnosticInfo diagnostic, string helpPage)
        => context.ReportDiagnostic(diagnostic.ToDiagnostic(helpPage));

    private static void Add<T>(SourceProductionContext context, string hintName, T model, Func<T, string> emit)
    {
        context.CancellationToken.ThrowIfCancellationRequested();
        string source;
        try
        {
            source = emit(model);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InternalError, Location.None, hintName + ": " + exception.GetType().Name + ": " + exception.Message));
            return;
        }

        try
        {
            context.AddSource(hintName, source);
        }
        catch (ArgumentException exception)
        {
            // A file name given twice (or one the compiler refuses) must not fail the whole generator (CS8785):
            // the rest of the output still reaches the user, with this diagnostic.
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InternalError, Location.None, hintName + ": " + exception.Message));
        }
    }
}

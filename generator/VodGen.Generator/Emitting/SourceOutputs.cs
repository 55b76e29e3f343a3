using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using VodGen.Generator.Diagnostics;
using VodGen.Generator.Binding;
using VodGen.Generator.Model;

namespace VodGen.Generator.Emitting;

/// <summary>Adds generated sources for each pipeline output; an emitter failure becomes a diagnostic, never an exception.</summary>
internal static class SourceOutputs
{
    public static void AddOperation(SourceProductionContext context, BoundOperation operation)
        => Add(context, operation.Namespace + "." + operation.Operation.Name + ".g.cs", operation, OperationFileEmitter.Emit);

    public static void AddProduct(SourceProductionContext context, ProductModel product)
        => Add(context, product.Namespace + "." + product.ServiceClassName + ".g.cs", product, ProductEmitter.Emit);

    public static void AddSharedType(SourceProductionContext context, BoundSharedType type)
        => Add(context, type.Namespace + "." + type.Class.Name + ".g.cs", type, SharedTypeEmitter.Emit);

    /// <summary>The namespaces that get generated code, once each.</summary>
    public static EquatableArray<string> Namespaces(MergedSpecs specs)
        => specs.Products.Select(p => p.Namespace).Distinct(StringComparer.Ordinal).OrderBy(n => n, StringComparer.Ordinal).ToEquatableArray();

    /// <summary>The one declaration of a namespace's serializers class that carries its attributes and documentation.</summary>
    public static void AddSerializers(SourceProductionContext context, string ns)
        => Add(context, ns + "." + ClassBinder.SerializersClass + ".g.cs", ns, ObjectClassEmitter.EmitSerializersDeclaration);

    public static void AddUpload(SourceProductionContext context, UploadSupportModel upload)
        => Add(context, upload.Create.Product.Namespace + ".VodUploadExtensions.g.cs", upload, UploadEmitter.Emit);

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

        context.AddSource(hintName, source);
    }
}

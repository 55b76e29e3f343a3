using System;
using System.Collections.Generic;
using System.Threading;
using VodGen.Generator.Model;
using VodGen.Generator.Parsing;

namespace VodGen.Generator.Binding;

/// <summary>Binds an operation (spec model) to its C# shape, once; the result is what its one source file prints.</summary>
internal static class OperationBinder
{
    // An operation whose spec describes no answer still returns the RequestId every answer carries.
    private static readonly SchemaModel RequestIdOnly = new(
        SchemaKind.Object, string.Empty, string.Empty, string.Empty, false, false, false, null,
        new EquatableArray<PropertyModel>(new[]
        {
            new PropertyModel("RequestId", new SchemaModel(SchemaKind.String, string.Empty, "The ID of the request.", string.Empty, false, false, false, null, EquatableArray<PropertyModel>.Empty, ValueEncoding.None, null, string.Empty, ConstraintsModel.None)),
        }),
        ValueEncoding.None, null, string.Empty, ConstraintsModel.None);

    public static BoundOperation Bind(OperationSource source, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var ns = source.Product.Namespace;
        var operation = source.Operation;
        var parameters = new (string, SchemaModel, bool)[operation.Parameters.Count];
        for (var i = 0; i < parameters.Length; i++)
        {
            var parameter = operation.Parameters[i];
            parameters[i] = (parameter.Name, parameter.Schema, parameter.Required);
        }

        var components = new BoundClass[source.Components.Count];
        for (var i = 0; i < components.Length; i++)
        {
            components[i] = ClassBinder.BindObject(source.Components[i].Name, source.Components[i].Schema, ClassRole.Shared, ns);
        }

        var request = ClassBinder.Bind(operation.Name + "Request", string.Empty, parameters, ClassRole.Request, ns);
        var response = ClassBinder.BindObject(operation.Name + "Response", operation.Response ?? RequestIdOnly, ClassRole.Response, ns);
        return new BoundOperation(
            source.Product,
            operation,
            request,
            response,
            new EquatableArray<BoundClass>(components),
            BindErrors(operation),
            operation.Paging is { } paging ? PagingBinder.Bind(paging, request, response) : null);
    }

    // One property per documented code, named in the scope of the {Operation}Errors class (which has All too).
    private static EquatableArray<BoundErrorCode> BindErrors(OperationModel operation)
    {
        var used = new HashSet<string>(StringComparer.Ordinal) { operation.Name + "Errors", "All" };
        var errors = new BoundErrorCode[operation.Errors.Count];
        for (var i = 0; i < errors.Length; i++)
        {
            var error = operation.Errors[i];
            errors[i] = new BoundErrorCode(Identifiers.Unique(Identifiers.ToPascalCase(error.Code), used), error.Code, error.HttpStatus, error.Message, error.Description.Length > 0 ? error.Description : error.Message);
        }

        return new EquatableArray<BoundErrorCode>(errors);
    }

    public static BoundSharedType BindShared(SharedTypeSource source, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var role = source.IsComponent ? ClassRole.Shared : ClassRole.Response;
        return new BoundSharedType(source.Namespace, ClassBinder.BindObject(source.TypeName, source.Schema, role, source.Namespace), source.IsComponent, source.HintName, source.Accessibility);
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
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
        var boundComponents = new EquatableArray<BoundClass>(components);
        var writeOrder = WriteOrder(operation, request);

        // One scope for the private members of the {Operation}Operation class: its own, then validation's, then the flattening writers'.
        var scope = new HashSet<string>(StringComparer.Ordinal) { "Instance", "Validate", "WriteParameters", "ReadResponse" };
        var validation = ValidationBinder.Bind(request, boundComponents, scope);
        return new BoundOperation(
            source.Product,
            operation.Name,
            operation.Summary,
            operation.Description,
            operation.Method.ToString(),
            operation.Deprecated,
            operation.Idempotent,
            operation.Qps is { } qps ? new BoundQps(qps.PerAccount, qps.Regions.Select(r => new BoundRegionLimit(r.RegionId, r.Limit)).ToEquatableArray()) : null,
            request,
            response,
            boundComponents,
            writeOrder,
            validation,
            FlatWriterBinder.Bind(writeOrder, request, boundComponents, scope),
            BindErrors(operation),
            operation.Paging is { } paging ? PagingBinder.Bind(paging, request, response) : null);
    }

    // Common parameters and the operation's own, in ordinal order of their encoded names. A flattened list or
    // object sorts by its prefix ("Name."), since all its names share it. Request members are bound in parameter order.
    private static EquatableArray<BoundParameter> WriteOrder(OperationModel operation, BoundClass request)
    {
        var entries = new List<(string SortKey, BoundParameter Parameter)>();
        foreach (var name in OperationReader.CommonParameterNames)
        {
            if (name != "Signature")
            {
                entries.Add((name, new BoundParameter(name, ParameterWriting.Common, null)));
            }
        }

        for (var i = 0; i < operation.Parameters.Count; i++)
        {
            var parameter = operation.Parameters[i];
            var encoded = QueryNames.Encode(parameter.Name);
            var writing = parameter.Style switch
            {
                ParameterStyle.RepeatList => ParameterWriting.RepeatList,
                ParameterStyle.Json => ParameterWriting.Json,
                ParameterStyle.Flat => ParameterWriting.Flat,
                _ => ParameterWriting.Simple,
            };
            var key = writing is ParameterWriting.RepeatList or ParameterWriting.Flat ? encoded + "." : encoded;
            entries.Add((key, new BoundParameter(encoded, writing, request.Members[i])));
        }

        return entries.OrderBy(e => e.SortKey, StringComparer.Ordinal).Select(e => e.Parameter).ToEquatableArray();
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

using VodGen.Generator.Model;

namespace VodGen.Generator.Emitting;

/// <summary>Emits <c>{Operation}Response</c> with its nested types and its <c>Utf8JsonReader</c>-based reader.</summary>
internal static class ResponseEmitter
{
    // An operation whose spec describes no answer still returns the RequestId every answer carries.
    private static readonly SchemaModel RequestIdOnly = new(
        SchemaKind.Object, string.Empty, string.Empty, string.Empty, false, false, false, null,
        new EquatableArray<PropertyModel>(new[]
        {
            new PropertyModel("RequestId", new SchemaModel(SchemaKind.String, string.Empty, "The ID of the request.", string.Empty, false, false, false, null, EquatableArray<PropertyModel>.Empty, ValueEncoding.None, null, string.Empty, ConstraintsModel.None)),
        }),
        ValueEncoding.None, null, string.Empty, ConstraintsModel.None);

    public static string Emit(OperationSource source)
    {
        var names = new OperationNames(source);
        var plan = Plan(source);
        var writer = new SourceWriter().FileHeader();
        writer.Open("namespace " + names.Namespace);
        ObjectClassEmitter.Emit(writer, plan, "The answer of the " + source.Operation.Name + " operation.", emitJsonWriter: false);
        writer.Close();
        return writer.ToString();
    }

    public static ClassPlan Plan(OperationSource source)
        => ClassPlanner.PlanObject(new OperationNames(source).Response, source.Operation.Response ?? RequestIdOnly, ClassRole.Response, source.Product.Namespace);
}

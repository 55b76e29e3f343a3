using VodGen.Generator.Model;

namespace VodGen.Generator.Emitting;

/// <summary>The C# names generated for one operation.</summary>
internal sealed class OperationNames
{
    public OperationNames(OperationSource source)
    {
        var name = source.Operation.Name;
        Namespace = source.Product.Namespace;
        Request = name + "Request";
        Response = name + "Response";
        Errors = name + "Errors";
        Operation = name + "Operation";
        Method = name + "Async";
        Service = source.Product.ServiceClassName;
        Extensions = Parsing.Identifiers.ToPascalCase(source.Product.Product) + "ClientExtensions";
    }

    public string Namespace { get; }

    /// <summary>The <c>global::</c>-qualified form of a generated type name.</summary>
    public string Qualified(string typeName) => "global::" + Namespace + "." + typeName;

    public string Request { get; }

    public string Response { get; }

    public string Errors { get; }

    public string Operation { get; }

    public string Method { get; }

    public string Service { get; }

    public string Extensions { get; }
}

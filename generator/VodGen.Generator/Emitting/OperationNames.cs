using VodGen.Generator.Binding;
using VodGen.Generator.Model;

namespace VodGen.Generator.Emitting;

/// <summary>The C# names generated for one operation.</summary>
internal sealed class OperationNames
{
    public OperationNames(ProductModel product, string name)
    {
        Namespace = product.Namespace;
        Request = name + "Request";
        Response = name + "Response";
        Errors = name + "Errors";
        Operation = name + "Operation";
        Method = name + "Async";
        Service = product.ServiceClassName;
        Extensions = ExtensionsClass(product);
        Accessibility = product.Accessibility;
    }

    /// <summary><c>public</c> or <c>internal</c>: the top-level types' accessibility.</summary>
    public string Accessibility { get; }

    /// <summary>The product's class of client extension methods, declared in part by every operation's file.</summary>
    public static string ExtensionsClass(ProductModel product) => product.ExtensionsClassName;

    public OperationNames(BoundOperation operation)
        : this(operation.Product, operation.Name)
    {
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

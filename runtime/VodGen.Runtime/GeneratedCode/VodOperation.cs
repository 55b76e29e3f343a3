using System.ComponentModel;
using System.Text.Json;
using VodGen.Signing;

namespace VodGen.GeneratedCode;

/// <summary>
/// One API operation as generated code describes it: how to check a request, write its parameters in
/// canonical order, and read the answer. Instances are stateless singletons.
/// </summary>
/// <typeparam name="TRequest">The generated request type.</typeparam>
/// <typeparam name="TResponse">The generated response type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class VodOperation<TRequest, TResponse>
    where TRequest : class
{
    /// <summary>Creates the operation.</summary>
    protected VodOperation(VodOperationInfo info) => Info = info;

    /// <summary>Name, version, method, endpoints and limits of the operation.</summary>
    public VodOperationInfo Info { get; }

    /// <summary>Throws <see cref="System.ArgumentException"/> naming the first parameter that breaks the spec.</summary>
    public abstract void Validate(TRequest request);

    /// <summary>
    /// Writes every parameter, common ones included, in ordinal order of their encoded names, the order
    /// the signature needs. The order is fixed when the code is generated.
    /// </summary>
    public abstract void WriteParameters(TRequest request, ref VodQueryWriter writer);

    /// <summary>Reads the answer; the reader stands on the first token of the document.</summary>
    public abstract TResponse ReadResponse(ref Utf8JsonReader reader);
}

namespace VodGen.Generator.Model;

/// <summary>
/// One API operation, free of source locations so that moving it in its file changes nothing. <see cref="Annotated"/>
/// says that its entry carries VodGen's own keys (a VodGen spec) rather than being official metadata only.
/// </summary>
internal sealed record OperationModel(
    string Name,
    string Summary,
    string Description,
    HttpMethodKind Method,
    bool Deprecated,
    EquatableArray<ParameterModel> Parameters,
    SchemaModel? Response,
    EquatableArray<ErrorModel> Errors,
    QpsModel? Qps,
    PagingModel? Paging = null,
    bool Idempotent = true,
    bool Annotated = false);

/// <summary>The HTTP method the generated client uses for an operation.</summary>
internal enum HttpMethodKind
{
    Post,
    Get,
}

/// <summary>A request parameter.</summary>
internal sealed record ParameterModel(string Name, ParameterStyle Style, bool Required, SchemaModel Schema);

/// <summary>How a parameter is serialized into the query.</summary>
internal enum ParameterStyle
{
    /// <summary>A scalar written as <c>Name=value</c>.</summary>
    Simple,

    /// <summary>An array flattened as <c>Name.1</c>, <c>Name.1.Field</c>, ...</summary>
    RepeatList,

    /// <summary>An array or object sent as one JSON text.</summary>
    Json,

    /// <summary>An object flattened as <c>Name.Field</c>, <c>Name.List.1.Field</c>, ... (<c>style: flat</c>).</summary>
    Flat,
}

/// <summary>An error code an operation documents; <see cref="HttpStatus"/> is 0 where the spec groups it under a number that is not an HTTP status.</summary>
internal sealed record ErrorModel(string Code, int HttpStatus, string Message, string Description);

/// <summary>Documented call rate limits: per account, and per region where a region differs.</summary>
internal sealed record QpsModel(int PerAccount, EquatableArray<RegionLimitModel> Regions);

/// <summary>A per-region call rate limit.</summary>
internal sealed record RegionLimitModel(string RegionId, int Limit);

/// <summary>A regional endpoint host.</summary>
internal sealed record EndpointModel(string RegionId, string Host);

/// <summary>
/// How a list operation pages (<c>x-vodgen-paging</c>): its page number and size parameters, the path of the
/// item array and of the total in the response, and an optional continuation token sent back on each call.
/// </summary>
internal sealed record PagingModel(
    string PageNumber,
    string PageSize,
    EquatableArray<string> ItemsPath,
    EquatableArray<string> TotalPath,
    string Token);

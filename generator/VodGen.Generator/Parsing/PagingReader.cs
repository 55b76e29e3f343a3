using System;
using System.Collections.Generic;
using System.Linq;
using VodGen.Generator.Diagnostics;
using VodGen.Generator.Model;

namespace VodGen.Generator.Parsing;

/// <summary>
/// Reads <c>x-vodgen-paging</c> and checks it against the operation: the page parameters must be integer
/// parameters, the item path must lead to an array in the response, the total path to an integer, and a token
/// must be both a string parameter and a string field of the response.
/// </summary>
internal static class PagingReader
{
    public static PagingModel? Read(SpecReadContext context, JsonObjectNode operation, string operationPath, EquatableArray<ParameterModel> parameters, SchemaModel? response)
    {
        var path = operationPath + ".x-vodgen-paging";
        var node = context.Object(operation, "x-vodgen-paging", operationPath, required: false);
        if (node is null)
        {
            return null;
        }

        var ok = true;
        var pageNumber = IntegerParameter(context, node, path, "pageNumber", parameters, ref ok);
        var pageSize = IntegerParameter(context, node, path, "pageSize", parameters, ref ok);
        var items = ResponsePath(context, node, path, "items", response, required: true, SchemaKind.Array, ref ok);
        var total = ResponsePath(context, node, path, "total", response, required: false, SchemaKind.Integer, ref ok);
        var token = context.String(node, "token", path) ?? string.Empty;
        if (token.Length > 0)
        {
            if (!TokenFits(token, parameters, response))
            {
                context.Report(DiagnosticDescriptors.InvalidExtension, context.Locate(node.Find("token")!.Value), path + ".token", $"'{token}' must name a string parameter and a string field of the response");
                ok = false;
            }
        }

        return ok && pageNumber is not null && pageSize is not null && items is not null
            ? new PagingModel(pageNumber, pageSize, items.Value, total ?? EquatableArray<string>.Empty, token)
            : null;
    }

    private static string? IntegerParameter(SpecReadContext context, JsonObjectNode node, string path, string key, EquatableArray<ParameterModel> parameters, ref bool ok)
    {
        var name = context.String(node, key, path, required: true);
        if (name is null)
        {
            ok = false;
            return null;
        }

        if (!IsIntegerParameter(name, parameters))
        {
            context.Report(DiagnosticDescriptors.InvalidExtension, context.Locate(node.Find(key)!.Value), path + "." + key, $"'{name}' must name an integer parameter of the operation");
            ok = false;
            return null;
        }

        return name;
    }

    /// <summary>Whether paging read from one entry fits another's parameters and response (see Knowledge/).</summary>
    public static bool Fits(PagingModel paging, EquatableArray<ParameterModel> parameters, SchemaModel? response)
        => IsIntegerParameter(paging.PageNumber, parameters)
            && IsIntegerParameter(paging.PageSize, parameters)
            && Follow(response, paging.ItemsPath)?.Kind == SchemaKind.Array
            && (paging.TotalPath.Count == 0 || Follow(response, paging.TotalPath)?.Kind == SchemaKind.Integer)
            && (paging.Token.Length == 0 || TokenFits(paging.Token, parameters, response));

    private static bool IsIntegerParameter(string name, EquatableArray<ParameterModel> parameters)
        => parameters.FirstOrDefault(p => p.Name == name) is { Style: ParameterStyle.Simple, Schema.Kind: SchemaKind.Integer };

    private static bool TokenFits(string token, EquatableArray<ParameterModel> parameters, SchemaModel? response)
        => parameters.FirstOrDefault(p => p.Name == token) is { Style: ParameterStyle.Simple, Schema.Kind: SchemaKind.String }
            && response?.Properties.FirstOrDefault(p => p.JsonName == token) is { Schema.Kind: SchemaKind.String };

    // The field a path of response fields leads to, through objects; null when the path leaves the schema.
    private static SchemaModel? Follow(SchemaModel? response, IEnumerable<string> segments)
    {
        var schema = response;
        foreach (var segment in segments)
        {
            schema = schema is { Kind: SchemaKind.Object } owner ? owner.Properties.FirstOrDefault(p => p.JsonName == segment)?.Schema : null;
        }

        return schema;
    }

    // A dotted path of response fields, each an object except the last, which must be of the expected kind.
    private static EquatableArray<string>? ResponsePath(SpecReadContext context, JsonObjectNode node, string path, string key, SchemaModel? response, bool required, SchemaKind expected, ref bool ok)
    {
        var text = context.String(node, key, path, required);
        if (text is null)
        {
            ok &= !required;
            return null;
        }

        var segments = text.Split('.');
        if (Follow(response, segments)?.Kind != expected)
        {
            var what = expected == SchemaKind.Array ? "an array" : "an integer";
            context.Report(DiagnosticDescriptors.InvalidExtension, context.Locate(node.Find(key)!.Value), path + "." + key, $"'{text}' must lead through response objects to {what} field");
            ok = false;
            return null;
        }

        return new EquatableArray<string>(segments);
    }
}

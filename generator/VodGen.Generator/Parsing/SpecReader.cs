using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using VodGen.Generator.Diagnostics;
using VodGen.Generator.Model;

namespace VodGen.Generator.Parsing;

/// <summary>Spec text → <see cref="SpecFileModel"/> and diagnostics. Never throws except for cancellation.</summary>
internal static class SpecReader
{
    public static SpecParseResult Read(SpecFileText file, CancellationToken cancellationToken)
    {
        var map = new SourcePositionMap(file.Path, Array.Empty<byte>());
        var context = new SpecReadContext(map, cancellationToken);
        byte[]? utf8 = null;
        try
        {
            // The bytes live only while the file is read (the models hold decoded strings), so they come from the
            // pool: an official file is megabytes, and a fresh array that size per run is a large-object allocation.
            utf8 = Utf8Text.Rent(file.Text, out var length, cancellationToken);
            map = new SourcePositionMap(file.Path, utf8, length);
            context = new SpecReadContext(map, cancellationToken);
            var model = ReadFile(context, file, utf8, length);
            return new SpecParseResult(model, context.Diagnostics.ToEquatableArray());
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception exception)
        {
            // The generator must never throw into the compiler; an unexpected failure is reported on the file.
            context.Report(DiagnosticDescriptors.InternalError, map.Locate(0, 0), exception.GetType().Name + ": " + exception.Message);
            return new SpecParseResult(null, context.Diagnostics.ToEquatableArray());
        }
        finally
        {
            if (utf8 is not null)
            {
                ArrayPool<byte>.Shared.Return(utf8);
            }
        }
    }

    private static SpecFileModel? ReadFile(SpecReadContext context, SpecFileText file, byte[] utf8, int length)
    {
        var path = file.Path;
        var duplicates = new List<JsonPropertyNode>();
        JsonTreeNode root;
        try
        {
            root = JsonTreeBuilder.Build(utf8, length, duplicates, context.CancellationToken);
        }
        catch (JsonException exception)
        {
            var location = context.Map.LocateLine(exception.LineNumber ?? 0, exception.BytePositionInLine ?? 0);
            context.Report(DiagnosticDescriptors.InvalidJson, location, FirstSentence(exception.Message));
            return null;
        }
        catch (JsonTreeException exception)
        {
            context.Report(DiagnosticDescriptors.InvalidJson, context.Map.Locate(exception.ByteOffset, exception.ByteOffset + 1), exception.Message);
            return null;
        }

        foreach (var duplicate in duplicates)
        {
            context.Report(DiagnosticDescriptors.DuplicateKey, context.LocateName(duplicate), duplicate.Name);
        }

        if (root is not JsonObjectNode document)
        {
            context.Report(DiagnosticDescriptors.WrongJsonKind, context.Locate(root), "The spec file", "an object", root.KindName);
            return null;
        }

        KeyTypos.CheckDocument(document, context);
        var info = context.Object(document, "info", "The spec file", required: true);
        var apis = context.Object(document, "apis", "The spec file", required: true);
        if (info is null || apis is null)
        {
            return null;
        }

        var style = context.String(info, "style", "info");
        if (style is not null && !string.Equals(style, "RPC", StringComparison.OrdinalIgnoreCase))
        {
            context.Report(DiagnosticDescriptors.UnsupportedApiStyle, context.Locate(info.Find("style")!.Value), style);
            return null;
        }

        var product = context.String(info, "product", "info", required: true);
        var version = context.String(info, "version", "info", required: true);
        if (product is null || version is null)
        {
            return null;
        }

        context.Components = new ComponentRegistry(
            document.Find("components")?.Value is JsonObjectNode components && components.Find("schemas")?.Value is JsonObjectNode schemas ? schemas : null);

        // A file that declares VodGen's JSON Schema is a VodGen spec throughout, even where it uses no x-vodgen key.
        var declaresVodGen = document.Find("$schema")?.Value is JsonScalarNode { Kind: JsonScalarKind.String } schemaName
            && schemaName.Text.EndsWith("vodgen-spec.schema.json", StringComparison.OrdinalIgnoreCase);

        // With a selection, other operations are not even read: a large official file costs only what is used.
        var selected = new HashSet<string>(file.Selection, StringComparer.Ordinal);
        var missing = new HashSet<string>(file.Selection, StringComparer.Ordinal);
        var operations = new List<LocatedOperation>();
        foreach (var entry in apis.Properties)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (selected.Count > 0 && !selected.Contains(entry.Name))
            {
                continue;
            }

            missing.Remove(entry.Name);
            if (entry.Value is JsonObjectNode body)
            {
                KeyTypos.CheckOperation(body, entry.Name, context);
            }

            if (OperationReader.Read(context, entry) is { } operation)
            {
                operations.Add(new LocatedOperation(declaresVodGen ? operation with { Annotated = true } : operation, context.LocateName(entry)));
            }
        }

        foreach (var name in missing)
        {
            context.Report(DiagnosticDescriptors.SelectedOperationMissing, context.LocateName(document.Find("apis")!), name, "the VodGenOperations metadata of this file");
        }

        // Only the shared schemas the operations read refer to, so a selection costs only what it uses.
        var componentModels = context.Components.ReadRequested(context);
        return new SpecFileModel(path, product, version, ReadEndpoints(context, document), operations.ToEquatableArray(), context.Locate(info), componentModels);
    }

    private static EquatableArray<EndpointModel> ReadEndpoints(SpecReadContext context, JsonObjectNode document)
    {
        var endpoints = new List<EndpointModel>();
        var array = context.Array(document, "endpoints", "The spec file", required: false);
        if (array is null)
        {
            return EquatableArray<EndpointModel>.Empty;
        }

        for (var i = 0; i < array.Items.Count; i++)
        {
            var path = $"endpoints[{i}]";
            if (array.Items[i] is not JsonObjectNode item)
            {
                context.Report(DiagnosticDescriptors.WrongJsonKind, context.Locate(array.Items[i]), path, "an object", array.Items[i].KindName);
                continue;
            }

            var region = context.String(item, "regionId", path, required: true);
            var host = context.String(item, "endpoint", path, required: true);
            if (region is not null && host is not null)
            {
                var hostNode = item.Find("endpoint")!.Value;
                var trimmed = host.Trim();
                if (Uri.CheckHostName(trimmed) == UriHostNameType.Unknown)
                {
                    context.Report(DiagnosticDescriptors.IgnoredSpecValue, context.Locate(hostNode), path + ".endpoint", $"is '{host}', not a host name", "the region is left out of the endpoint table");
                    continue;
                }

                if (trimmed.Length != host.Length)
                {
                    context.Report(DiagnosticDescriptors.IgnoredSpecValue, context.Locate(hostNode), path + ".endpoint", "has white space around the host name", $"'{trimmed}' is used");
                }

                endpoints.Add(new EndpointModel(region.Trim(), trimmed));
            }
        }

        return endpoints.ToEquatableArray();
    }

    // Utf8JsonReader messages end with "LineNumber: 3 | BytePositionInLine: 4."; the location already says that.
    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut > 0 ? message.Substring(0, cut) : message).Trim();
    }
}

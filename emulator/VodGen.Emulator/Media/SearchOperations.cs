using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using VodGen.Emulator.Gateway;

namespace VodGen.Emulator.Media;

/// <summary>
/// SearchMedia over the store, with the part of the media search protocol the emulator understands:
/// conditions <c>Field = 'value'</c> and <c>Field in ('a', 'b')</c> joined with <c>and</c>. Title and Tags
/// match by containment, as the service's fuzzy fields do; the other fields match exactly.
/// </summary>
internal static partial class SearchOperations
{
    private static readonly HashSet<string> AudioExtensions = new(StringComparer.OrdinalIgnoreCase) { ".aac", ".ac3", ".amr", ".ape", ".flac", ".m4a", ".mp3", ".wav", ".wma" };

    public static OperationResult SearchMedia(OperationContext context)
    {
        var searchType = context.Text("SearchType") ?? "video";
        var conditions = new List<Condition>();
        if (context.Text("Match") is { } match)
        {
            foreach (var clause in AndSplitter().Split(match.Trim()))
            {
                if (ConditionSyntax().Match(clause.Trim()) is not { Success: true } parsed)
                {
                    return GatewayError.InvalidParameter("Match", $"'{clause.Trim()}' is not a condition the emulator understands (Field = 'value' or Field in ('a','b'))");
                }

                var values = parsed.Groups["single"].Success
                    ? [parsed.Groups["single"].Value]
                    : ListItem().Matches(parsed.Groups["list"].Value).Select(m => m.Groups[1].Value).ToArray();
                conditions.Add(new Condition(parsed.Groups["field"].Value, values));
            }
        }

        List<JsonObject> results;
        switch (searchType)
        {
            case "video":
            case "audio":
                var videos = context.Store.Videos.Where(v => AudioExtensions.Contains(Path.GetExtension(v.FileName)) == (searchType == "audio"));
                if (Filter(videos, conditions, VideoField) is not { } kept)
                {
                    return UnknownField<MediaVideo>(conditions, VideoField);
                }

                results = LibraryOperations.Sorted(kept, context.Text("SortBy"))
                    .Select(v => new JsonObject
                    {
                        ["MediaType"] = searchType,
                        ["MediaId"] = v.VideoId,
                        ["CreationTime"] = MediaStore.Timestamp(v.CreationTime),
                        ["Video"] = MediaJson.Video(v, context.Store, context.RegionId),
                    })
                    .ToList();
                break;
            default:
                var mediaType = searchType == "image" ? "image" : "attached";
                var assets = context.Store.Assets.Where(a => a.MediaType == mediaType);
                if (Filter(assets, conditions, AssetField) is not { } keptAssets)
                {
                    return UnknownField<MediaAsset>(conditions, AssetField);
                }

                var ascending = string.Equals(context.Text("SortBy"), "CreationTime:Asc", StringComparison.Ordinal);
                results = (ascending ? keptAssets.OrderBy(a => a.CreationTime) : keptAssets.OrderByDescending(a => a.CreationTime))
                    .Select(a => Asset(a, searchType))
                    .ToList();
                break;
        }

        var page = LibraryOperations.Page(results, context, defaultSize: 10, out var total);
        return new JsonObject
        {
            ["Total"] = total,
            ["ScrollToken"] = MediaStore.NewHex(14),
            ["MediaList"] = new JsonArray(page.Select(r => (JsonNode?)r).ToArray()),
        };
    }

    private static JsonObject Asset(MediaAsset asset, string searchType)
    {
        var body = new JsonObject
        {
            [searchType == "image" ? "ImageId" : "MediaId"] = asset.MediaId,
            ["Title"] = asset.Title,
            ["URL"] = asset.Url,
            [searchType == "image" ? "Type" : "BusinessType"] = asset.Kind,
            ["Status"] = "Normal",
            ["CreationTime"] = MediaStore.Timestamp(asset.CreationTime),
        };
        return new JsonObject
        {
            ["MediaType"] = searchType,
            ["MediaId"] = asset.MediaId,
            ["CreationTime"] = MediaStore.Timestamp(asset.CreationTime),
            [searchType == "image" ? "Image" : "AttachedMedia"] = body,
        };
    }

    // Null when a condition names a field the kind of media does not have.
    private static IEnumerable<T>? Filter<T>(IEnumerable<T> items, List<Condition> conditions, Func<T?, string, (bool Known, string? Value, bool Fuzzy)> field)
        where T : class
    {
        foreach (var condition in conditions)
        {
            if (!field(null, condition.Field).Known)
            {
                return null;
            }
        }

        return items.Where(item => conditions.All(c =>
        {
            var (_, value, fuzzy) = field(item, c.Field);
            return value is not null && c.Values.Any(wanted => fuzzy
                ? value.Contains(wanted, StringComparison.OrdinalIgnoreCase)
                : string.Equals(value, wanted, StringComparison.OrdinalIgnoreCase));
        }));
    }

    private static GatewayError UnknownField<T>(List<Condition> conditions, Func<T?, string, (bool Known, string? Value, bool Fuzzy)> field)
        where T : class
        => GatewayError.InvalidParameter("Match", $"the field '{conditions.First(c => !field(null, c.Field).Known).Field}' cannot be searched for this kind of media");

    private static (bool, string?, bool) VideoField(MediaVideo? video, string name) => name switch
    {
        "VideoId" or "MediaId" => (true, video?.VideoId, false),
        "Title" => (true, video?.Title, true),
        "Tags" => (true, video?.Tags, true),
        "Status" => (true, video?.Status, false),
        "CateId" => (true, video?.CateId?.ToString(System.Globalization.CultureInfo.InvariantCulture), false),
        _ => (false, null, false),
    };

    private static (bool, string?, bool) AssetField(MediaAsset? asset, string name) => name switch
    {
        "MediaId" or "ImageId" => (true, asset?.MediaId, false),
        "Title" => (true, asset?.Title, true),
        _ => (false, null, false),
    };

    private sealed record Condition(string Field, string[] Values);

    [GeneratedRegex(@"\s+and\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AndSplitter();

    [GeneratedRegex(@"^(?<field>[A-Za-z]+)\s*(?:=\s*'(?<single>[^']*)'|in\s*\((?<list>[^)]*)\))$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ConditionSyntax();

    [GeneratedRegex(@"'([^']*)'", RegexOptions.CultureInvariant)]
    private static partial Regex ListItem();
}

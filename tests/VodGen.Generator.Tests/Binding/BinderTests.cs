using VodGen.Generator.Binding;
using VodGen.Generator.Merging;
using VodGen.Generator.Model;
using VodGen.Generator.Parsing;

namespace VodGen.Generator.Tests.Binding;

/// <summary>Spec text → bound model, without compiling: the names and kinds the binder decides, which emitters only print.</summary>
public class BinderTests
{
    private static BoundOperation Bind(string apis, string accessibility = "")
    {
        var text = "{ \"info\": { \"style\": \"RPC\", \"product\": \"vod\", \"version\": \"2017-03-21\" }, \"apis\": { " + apis + " } }";
        var parsed = SpecReader.Read(new SpecFileText("/p/specs/a.json", text, EquatableArray<string>.Empty), CancellationToken.None);
        var merged = SpecMerger.Merge([parsed], new GeneratorOptions(string.Empty, true, EquatableArray<string>.Empty, Accessibility: accessibility), CancellationToken.None);
        return OperationBinder.Bind(Assert.Single(merged.Operations), CancellationToken.None);
    }

    private static string Parameters(params string[] names)
        => "\"parameters\": [" + string.Join(", ", names.Select(n => $"{{ \"name\": \"{n}\", \"in\": \"query\", \"schema\": {{ \"type\": \"string\" }} }}")) + "]";

    [Fact]
    public void Three_names_that_meet_are_numbered_in_order_and_keep_their_wire_names()
    {
        var request = Bind("\"Op\": { " + Parameters("VideoId", "video-id", "videoId") + " }").Request;

        Assert.Equal([("VideoId", "VideoId"), ("video-id", "VideoId2"), ("videoId", "VideoId3")], request.Members.Select(m => (m.JsonName, m.PropertyName)));
    }

    [Fact]
    public void A_member_named_like_its_class_or_one_of_its_methods_gets_another_name()
    {
        var request = Bind("\"Op\": { " + Parameters("OpRequest", "ToString", "WithPlaybackUrls", "GetType") + " }").Request;

        Assert.Equal(["OpRequestValue", "ToString2", "WithPlaybackUrls2", "GetType2"], request.Members.Select(m => m.PropertyName));
    }

    [Fact]
    public void Option_types_are_named_after_their_member_with_unique_values()
    {
        var request = Bind("\"Op\": { \"parameters\": [ { \"name\": \"Mode\", \"in\": \"query\", \"schema\": { \"type\": \"string\", \"enum\": [\"fast\", \"Fast\", \"slow-ish\"] } } ] }").Request;

        var option = Assert.Single(request.Options);
        Assert.Equal("ModeOption", option.Name);
        Assert.Equal([("fast", "Fast"), ("Fast", "Fast2"), ("slow-ish", "SlowIsh")], option.Values.Select(v => (v.Value, v.MemberName)));
        Assert.Equal("global::VodGen.Vod.OpRequest.ModeOption", request.Members[0].TypeRef.QualifiedName);
    }

    [Fact]
    public void Playback_urls_are_marked_on_every_member_on_the_way_to_them()
    {
        var response = Bind("\"Op\": { \"responses\": { \"200\": { \"schema\": { \"type\": \"object\", \"properties\": {"
            + " \"Cover\": { \"type\": \"string\", \"x-vodgen-format\": \"playback-url\" },"
            + " \"Mirrors\": { \"type\": \"array\", \"items\": { \"type\": \"string\", \"x-vodgen-format\": \"playback-url\" } },"
            + " \"List\": { \"type\": \"object\", \"properties\": { \"Item\": { \"type\": \"array\", \"items\": { \"type\": \"object\", \"properties\": { \"Url\": { \"type\": \"string\", \"x-vodgen-format\": \"playback-url\" } } } } } },"
            + " \"Other\": { \"type\": \"object\", \"properties\": { \"Name\": { \"type\": \"string\" } } } } } } } }").Response;

        Assert.Equal(
            [("Cover", PlaybackUrlKind.Url), ("Mirrors", PlaybackUrlKind.ListOfUrls), ("List", PlaybackUrlKind.Class), ("Other", PlaybackUrlKind.None)],
            response.Members.Select(m => (m.PropertyName, m.PlaybackUrls)));
        var list = response.Nested.Single(n => n.Name == "ListData");
        Assert.Equal(PlaybackUrlKind.ListOfClasses, Assert.Single(list.Members).PlaybackUrls);
        Assert.True(response.HasPlaybackUrls);
        Assert.False(response.Nested.Single(n => n.Name == "OtherData").HasPlaybackUrls);
    }

    [Fact]
    public void A_requests_urls_are_never_playback_urls_and_accessibility_reaches_the_product()
    {
        var operation = Bind("\"Op\": { \"parameters\": [ { \"name\": \"Url\", \"in\": \"query\", \"schema\": { \"type\": \"string\", \"x-vodgen-format\": \"playback-url\" } } ] }", accessibility: "internal");

        Assert.Equal(PlaybackUrlKind.None, Assert.Single(operation.Request.Members).PlaybackUrls);
        Assert.Equal("internal", operation.Product.Accessibility);
    }

    [Fact]
    public void Error_codes_get_unique_property_names_in_their_class()
    {
        var errors = Bind("\"Op\": { \"errorCodes\": { \"400\": [ { \"errorCode\": \"Forbidden.IllegalStatus\", \"errorMessage\": \"m1\" }, { \"errorCode\": \"ForbiddenIllegalStatus\", \"errorMessage\": \"m2\", \"description\": \"d2\" }, { \"errorCode\": \"All\", \"errorMessage\": \"m3\" } ], \"404\": [ { \"errorCode\": \"OpErrors\", \"errorMessage\": \"m4\" } ] } }").Errors;

        Assert.Equal(
            [("ForbiddenIllegalStatus", "Forbidden.IllegalStatus", 400, "m1"), ("ForbiddenIllegalStatus2", "ForbiddenIllegalStatus", 400, "d2"), ("All2", "All", 400, "m3"), ("OpErrors2", "OpErrors", 404, "m4")],
            errors.Select(e => (e.PropertyName, e.Code, e.HttpStatus, e.Summary)));
    }

    [Fact]
    public void Upload_helpers_read_answer_fields_by_the_names_they_really_got()
    {
        // The create answer gains a "videoId" before "VideoId": the first takes the name VideoId, the real one becomes
        // VideoId2, and the helpers must read that one.
        var create = System.Text.Json.Nodes.JsonNode.Parse(SpecSets.Named("Shipped").Single(f => f.Path.EndsWith("/CreateUploadVideo.json", StringComparison.Ordinal)).Text)!;
        var properties = create["apis"]!["CreateUploadVideo"]!["responses"]!["200"]!["schema"]!["properties"]!.AsObject();
        var original = properties.ToList();
        properties.Clear();
        properties["videoId"] = new System.Text.Json.Nodes.JsonObject { ["type"] = "string" };
        foreach (var (name, value) in original)
        {
            properties[name] = value!.DeepClone();
        }

        var refresh = SpecSets.Named("Shipped").Single(f => f.Path.EndsWith("/RefreshUploadVideo.json", StringComparison.Ordinal));
        var parsed = new[] { ("/p/specs/create.json", create.ToJsonString()), refresh }
            .Select(f => SpecReader.Read(new SpecFileText(f.Item1, f.Item2, EquatableArray<string>.Empty), CancellationToken.None));
        var merged = SpecMerger.Merge(parsed, new GeneratorOptions(string.Empty, true, EquatableArray<string>.Empty), CancellationToken.None);
        var upload = UploadBinder.Bind(Assert.Single(UploadSupport.Find(merged)), CancellationToken.None);

        Assert.Equal(("CreateUploadVideo", "RefreshUploadVideo", "VideoId"), (upload.CreateOperation, upload.RefreshOperation, upload.RefreshVideoIdParameter));
        Assert.Equal(("VideoId2", "DecodeUploadAddress", "DecodeUploadAuth"), (upload.Create.VideoId, upload.Create.DecodeAddress, upload.Create.DecodeAuth));
        Assert.Equal("VideoId", upload.Refresh.VideoId);
        Assert.Equal(new BoundUploadCredential("Endpoint", "Bucket", "FileName", "AccessKeyId", "AccessKeySecret", "SecurityToken", "Expiration", "ExpireUTCTime", "Region"), upload.Create.Credential);
    }

    [Theory]
    [InlineData("GetVideoList", "PageNo", "PageSize", "response.VideoList?.Video", "global::VodGen.Vod.GetVideoListResponse.VideoListData.VideoItem", "response.Total", null)]
    [InlineData("SearchMedia", "PageNo", "PageSize", "response.MediaList", "global::VodGen.Vod.SearchMediaResponse.MediaListItem", "response.Total", "ScrollToken")]
    public void Paging_paths_become_member_accesses_and_the_item_type(string name, string pageNumber, string pageSize, string items, string itemType, string? total, string? token)
    {
        var file = SpecSets.Named("Shipped").Single(f => f.Path.EndsWith("/" + name + ".json", StringComparison.Ordinal));
        var parsed = SpecReader.Read(new SpecFileText(file.Path, file.Text, EquatableArray<string>.Empty), CancellationToken.None);
        var merged = SpecMerger.Merge([parsed], new GeneratorOptions(string.Empty, true, EquatableArray<string>.Empty), CancellationToken.None);

        var paging = OperationBinder.Bind(Assert.Single(merged.Operations), CancellationToken.None).Paging!;

        Assert.Equal((pageNumber, pageSize, items, itemType, total, token, token), (paging.PageNumber, paging.PageSize, paging.ItemsAccess, paging.ItemType, paging.TotalAccess, paging.RequestToken, paging.ResponseToken));
    }
}

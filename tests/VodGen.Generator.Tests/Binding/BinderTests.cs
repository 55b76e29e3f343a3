using VodGen.Generator.Binding;
using VodGen.Generator.Merging;
using VodGen.Generator.Model;
using VodGen.Generator.Parsing;

namespace VodGen.Generator.Tests.Binding;

/// <summary>Spec text → bound model, without compiling: the names and kinds the binder decides, which emitters only print.</summary>
public class BinderTests
{
    private static BoundOperation Bind(string apis, string accessibility = "", string components = "")
    {
        var text = "{ \"info\": { \"style\": \"RPC\", \"product\": \"vod\", \"version\": \"2017-03-21\" }, \"apis\": { " + apis + " }"
            + (components.Length > 0 ? ", \"components\": { \"schemas\": { " + components + " } }" : string.Empty) + " }";
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
    public void A_parameter_named_to_string_keeps_its_wire_name_and_leaves_ToString_alone()
    {
        var request = Bind("\"Op\": { " + Parameters("to-string", "ToString") + " }").Request;

        Assert.Equal([("to-string", "ToString2"), ("ToString", "ToString3")], request.Members.Select(m => (m.JsonName, m.PropertyName)));
        Assert.All(request.Members, m => Assert.Equal(ValueKind.Text, m.TypeRef.Kind));
    }

    [Fact]
    public void Parameters_are_written_in_signing_order_with_lists_sorted_by_their_prefix()
    {
        var operation = Bind("\"Op\": { \"parameters\": ["
            + " { \"name\": \"TagsExtra\", \"in\": \"query\", \"schema\": { \"type\": \"string\" } },"
            + " { \"name\": \"Tags\", \"in\": \"query\", \"style\": \"repeatList\", \"schema\": { \"type\": \"array\", \"items\": { \"type\": \"string\" } } },"
            + " { \"name\": \"Body\", \"in\": \"query\", \"style\": \"json\", \"schema\": { \"type\": \"object\", \"properties\": { \"A\": { \"type\": \"string\" } } } },"
            + " { \"name\": \"Ä\", \"in\": \"query\", \"schema\": { \"type\": \"integer\", \"format\": \"int32\" } } ] }");

        var order = operation.WriteOrder.Select(p => (p.EncodedName, p.Writing, p.Member?.PropertyName)).ToList();

        // Ordinal order of the encoded names: '%' < 'A' < … ; "Tags." before "TagsExtra" since '.' < 'E'.
        Assert.Equal(("%C3%84", ParameterWriting.Simple, "Ä"), order[0]);
        Assert.Equal(["Tags.", "TagsExtra"], order.Where(o => o.EncodedName.StartsWith("Tags", StringComparison.Ordinal)).Select(o => o.Writing == ParameterWriting.RepeatList ? o.EncodedName + "." : o.EncodedName));
        Assert.Contains(("Body", ParameterWriting.Json, "Body"), order);
        Assert.Contains(("Action", ParameterWriting.Common, null), order);
        Assert.DoesNotContain(order, o => o.EncodedName == "Signature");
        Assert.Equal(order.OrderBy(o => o.Writing is ParameterWriting.RepeatList or ParameterWriting.Flat ? o.EncodedName + "." : o.EncodedName, StringComparer.Ordinal), order);
    }

    [Fact]
    public void Checks_apply_to_the_csharp_type_and_validation_names_its_fields_and_methods_once()
    {
        var operation = Bind("\"Op\": { \"parameters\": ["
            + " { \"name\": \"Mode\", \"in\": \"query\", \"schema\": { \"type\": \"string\", \"enum\": [\"a\"], \"maxLength\": 3 } },"
            + " { \"name\": \"Code\", \"in\": \"query\", \"schema\": { \"type\": \"string\", \"pattern\": \"^[a-z]+$\", \"maxLength\": 8 } },"
            + " { \"name\": \"Level\", \"in\": \"query\", \"schema\": { \"type\": \"integer\", \"format\": \"int32\", \"enum\": [\"1\", \"2\"], \"maximum\": 2 } },"
            + " { \"name\": \"Names\", \"in\": \"query\", \"style\": \"repeatList\", \"schema\": { \"type\": \"array\", \"maxItems\": 5, \"items\": { \"type\": \"string\" } } },"
            + " { \"name\": \"Rules\", \"in\": \"query\", \"style\": \"repeatList\", \"schema\": { \"type\": \"array\", \"items\": { \"type\": \"object\", \"properties\": { \"Key\": { \"type\": \"string\", \"required\": true } } } } },"
            + " { \"name\": \"Plain\", \"in\": \"query\", \"style\": \"flat\", \"schema\": { \"type\": \"object\", \"properties\": { \"Note\": { \"type\": \"string\" } } } },"
            + " { \"name\": \"Tree\", \"in\": \"query\", \"style\": \"flat\", \"schema\": { \"$ref\": \"#/components/schemas/Node\" } } ] }",
            components: "\"Node\": { \"type\": \"object\", \"properties\": { \"Id\": { \"type\": \"string\", \"pattern\": \"^n\" }, \"Children\": { \"type\": \"array\", \"items\": { \"$ref\": \"#/components/schemas/Node\" } } } }");

        var checks = operation.Request.Members.ToDictionary(m => m.PropertyName, m => m.Checks);
        Assert.Same(BoundChecks.None, checks["Mode"]); // an option type: no length to check
        Assert.Equal((null, 8, "^[a-z]+$"), (checks["Code"].MinLength, checks["Code"].MaxLength, checks["Code"].Pattern));
        Assert.Equal(["1", "2"], checks["Level"].Allowed);
        Assert.Equal(("", "2"), (checks["Level"].Minimum, checks["Level"].Maximum));
        Assert.Equal((5, true), (checks["Names"].MaxItems, checks["Names"].NoNullItems));
        Assert.Same(BoundChecks.None, checks["Plain"]);

        var validation = operation.Validation;
        Assert.Equal(["CodePattern", "NodeIdPattern"], validation.PatternFields.Select(f => f.PatternField));
        Assert.Equal(["LevelAllowed"], validation.AllowedFields.Select(f => f.AllowedField));

        // Rules' items need a method (a required key); Plain's class has nothing to check and gets none; the shared
        // class that contains itself gets one method, which its own Children call.
        Assert.Equal(["ValidateRulesItem", "ValidateNode"], validation.Validators.Select(v => v.Method));
        var byMember = validation.Request.ToDictionary(m => m.Member.PropertyName, m => m.Validator);
        Assert.Equal(("ValidateRulesItem", "", "ValidateNode"), (byMember["Rules"], byMember["Plain"], byMember["Tree"]));
        var node = validation.Validators.Single(v => v.Method == "ValidateNode");
        Assert.Equal("global::VodGen.Vod.Node", node.Type);
        Assert.Equal(("NodeIdPattern", "ValidateNode"), (node.Members.Single(m => m.Member.PropertyName == "Id").PatternField, node.Members.Single(m => m.Member.PropertyName == "Children").Validator));

        // Flattening writers: one per class reached, in the order the parameter writer reaches them, the shared class once.
        Assert.Equal(
            [("WriteFlatPlainData", "global::VodGen.Vod.OpRequest.PlainData"), ("WriteFlatRulesItem", "global::VodGen.Vod.OpRequest.RulesItem"), ("WriteFlatNode", "global::VodGen.Vod.Node")],
            operation.FlatWriters.Select(w => (w.Method, w.Type)));
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

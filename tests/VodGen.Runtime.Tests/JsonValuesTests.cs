using System.Text;
using System.Text.Json;
using VodGen.GeneratedCode;

namespace VodGen.Runtime.Tests;

/// <summary>What generated readers are made of: a class's shape, one read of its members, typed values by index.</summary>
public class JsonValuesTests
{
    private static readonly VodJsonShape Pair = new("sl", null, "Id", "Size");

    private sealed record Item(string? Id, long? Size);

    // As a generated reader reads: one call, then one initializer (here a constructor) from the values.
    private static Item ReadItem(ref Utf8JsonReader reader, string path)
    {
        VodJsonValues.Read(ref reader, path, Pair, out var v);
        return v.Complete(new Item(v.String(0), v.Int64(1)));
    }

    private static T Read<T>(string json, VodJsonObjectReader<T> read)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        var result = read(ref reader, "$");
        Assert.True(reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray, "the reader stops on the end of the object it read");
        return result;
    }

    [Theory]
    [InlineData("{\"Id\":\"a\",\"Size\":3}")]
    [InlineData("{\"Size\":3,\"Id\":\"a\"}")]
    [InlineData("{\"Other\":{\"Id\":\"x\",\"Size\":[1,2]},\"Size\":3,\"More\":[{}],\"Id\":\"a\"}")]
    [InlineData("{\"\\u0049d\":\"a\",\"Size\":3}")]
    public void Members_are_found_in_any_order_and_unknown_ones_are_skipped_whole(string json)
        => Assert.Equal(new Item("a", 3), Read(json, ReadItem));

    [Fact]
    public void Absent_and_null_members_read_as_null()
        => Assert.Equal(new Item(null, null), Read("{\"Size\":null}", ReadItem));

    [Fact]
    public void A_member_given_twice_is_refused_with_its_path()
    {
        var error = Assert.Throws<VodProtocolException>(() => Read("{\"Id\":\"a\",\"Size\":1,\"Id\":\"b\"}", ReadItem));
        Assert.Equal("$.Id", error.JsonPath);
        Assert.Contains("appears more than once", error.Message);
    }

    [Fact]
    public void A_member_given_twice_is_refused_even_when_its_first_value_was_null()
        => Assert.Equal("$.Size", Assert.Throws<VodProtocolException>(() => Read("{\"Size\":null,\"Size\":2}", ReadItem)).JsonPath);

    [Fact]
    public void Classes_of_many_members_read_every_one_and_refuse_repeats_anywhere()
    {
        var names = Enumerable.Range(0, 130).Select(i => "M" + i).ToArray();
        var shape = new VodJsonShape(new string('l', names.Length), null, names);
        long Sum(string json) => Read(json, (ref Utf8JsonReader r, string p) =>
        {
            VodJsonValues.Read(ref r, p, shape, out var v);
            var sum = 0L;
            for (var i = 0; i < names.Length; i++)
            {
                sum += v.Int64(i) ?? 0;
            }

            return v.Complete(sum);
        });

        Assert.Equal(Enumerable.Range(0, 130).Sum(), Sum("{" + string.Join(",", names.Reverse().Select((n, i) => "\"" + n + "\":" + (129 - i))) + "}"));
        Assert.Equal("$.M129", Assert.Throws<VodProtocolException>(() => Sum("{\"M129\":1,\"M70\":2,\"M129\":3}")).JsonPath);
    }

    [Fact]
    public void Large_objects_read_one_after_another_and_inside_one_another_keep_their_own_values()
    {
        // Nine members or more take an array per thread instead of the stack: a list of such objects inside such an
        // object reads each item into the array the previous item gave back, while the outer object holds its own.
        var names = Enumerable.Range(0, 9).Select(i => "N" + i).ToArray();
        VodJsonShape? inner = null;
        inner = new VodJsonShape(new string('s', 9), null, names);
        static string[] ReadInner(ref Utf8JsonReader r, string p, VodJsonShape shape)
        {
            VodJsonValues.Read(ref r, p, shape, out var v);
            var values = new string[9];
            for (var i = 0; i < 9; i++)
            {
                values[i] = v.String(i) ?? "-";
            }

            return v.Complete(values);
        }

        var outer = new VodJsonShape("r" + new string('s', 9), [VodJsonValueReaders.Objects<string[]>((ref Utf8JsonReader r, string p) => ReadInner(ref r, p, inner))], ["Items", .. names]);
        var json = "{\"N0\":\"outer\",\"Items\":[{\"N8\":\"a\"},{\"N1\":\"b\"},{}],\"N8\":\"last\"}";
        var (items, first, last) = Read(json, (ref Utf8JsonReader r, string p) =>
        {
            VodJsonValues.Read(ref r, p, outer, out var v);
            return v.Complete(((IReadOnlyList<string[]>)v.Value(0)!, v.String(1), v.String(9)));
        });

        Assert.Equal(("outer", "last"), (first, last));
        Assert.Equal(["-", "-", "-", "-", "-", "-", "-", "-", "a"], items[0]);
        Assert.Equal(["-", "b", "-", "-", "-", "-", "-", "-", "-"], items[1]);
        Assert.All(items[2], value => Assert.Equal("-", value));
    }

    [Fact]
    public void A_value_of_the_wrong_kind_names_the_member()
    {
        var error = Assert.Throws<VodProtocolException>(() => Read("{\"Id\":12}", ReadItem));
        Assert.Equal("$.Id", error.JsonPath);
        Assert.Contains("$.Id should be a string but is a number", error.Message);
    }

    [Fact]
    public void Something_other_than_an_object_is_refused()
        => Assert.Equal("$", Assert.Throws<VodProtocolException>(() => Read("[1]", ReadItem)).JsonPath);

    private static readonly VodJsonShape Scalars = new("idbtj", null, "Count", "Ratio", "On", "Ttl", "Raw");

    [Fact]
    public void Every_scalar_kind_reads_its_value_and_null_for_null()
    {
        var values = Read("{\"Count\":7,\"Ratio\":0.25,\"On\":true,\"Ttl\":\"90\",\"Raw\":{\"a\":[1]}}", (ref Utf8JsonReader r, string p) =>
        {
            VodJsonValues.Read(ref r, p, Scalars, out var v);
            return v.Complete((v.Int32(0), v.Double(1), v.Boolean(2), v.DurationSeconds(3), v.Json(4)?.GetRawText()));
        });
        Assert.Equal((7, 0.25, true, TimeSpan.FromSeconds(90), "{\"a\":[1]}"), values);

        var nulls = Read("{\"Count\":null,\"Ratio\":null,\"On\":false,\"Ttl\":null,\"Raw\":null}", (ref Utf8JsonReader r, string p) =>
        {
            VodJsonValues.Read(ref r, p, Scalars, out var v);
            return v.Complete((v.Int32(0), v.Double(1), v.Boolean(2), v.DurationSeconds(3), v.Json(4)));
        });
        Assert.Equal(((int?)null, (double?)null, (bool?)false, (TimeSpan?)null, (JsonElement?)null), nulls);
    }

    private static readonly VodJsonShape Lists = new(
        "rrr",
        [VodJsonValueReaders.Object<Item>(ReadItem), VodJsonValueReaders.Objects<Item>(ReadItem), VodJsonValueReaders.Array(VodJsonReader.StringItem)],
        "One", "Many", "Ids");

    private static (Item? One, IReadOnlyList<Item>? Many, IReadOnlyList<string>? Ids) ReadLists(ref Utf8JsonReader reader, string path)
    {
        VodJsonValues.Read(ref reader, path, Lists, out var v);
        return v.Complete(((Item?)v.Value(0), (IReadOnlyList<Item>?)v.Value(1), (IReadOnlyList<string>?)v.Value(2)));
    }

    [Fact]
    public void Objects_and_arrays_are_read_with_the_shapes_readers()
    {
        var (one, many, ids) = Read("{\"One\":{\"Id\":\"o\"},\"Many\":[{\"Size\":1},{\"Size\":2}],\"Ids\":[\"a\",\"b\"]}", ReadLists);
        Assert.Equal(new Item("o", null), one);
        Assert.Equal(new[] { new Item(null, 1), new Item(null, 2) }, many);
        Assert.Equal(new[] { "a", "b" }, ids);
        var nulls = Read("{\"One\":null,\"Many\":null,\"Ids\":null}", ReadLists);
        Assert.True(nulls.One is null && nulls.Many is null && nulls.Ids is null);
    }

    [Theory]
    [InlineData("{\"Many\":[{\"Size\":1},null]}", "$.Many[1]")]
    [InlineData("{\"Many\":[{\"Size\":\"x\"}]}", "$.Many[0].Size")]
    [InlineData("{\"Many\":{}}", "$.Many")]
    [InlineData("{\"One\":{\"Id\":[]}}", "$.One.Id")]
    [InlineData("{\"One\":[]}", "$.One")]
    [InlineData("{\"Ids\":[\"a\",3]}", "$.Ids[1]")]
    public void Errors_inside_objects_and_arrays_name_the_exact_path(string json, string path)
        => Assert.Equal(path, Assert.Throws<VodProtocolException>(() => Read(json, ReadLists)).JsonPath);

    [Fact]
    public void Values_cannot_be_read_after_they_were_completed_or_without_being_read()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Read("{\"Id\":\"a\"}", static (ref Utf8JsonReader r, string p) =>
        {
            VodJsonValues.Read(ref r, p, Pair, out var v);
            v.Complete(0);
            return v.String(0);
        }));
        Assert.Contains("completed", error.Message);
        Assert.Contains("not read", Assert.Throws<InvalidOperationException>(() => default(VodJsonValues).String(0)).Message);
    }

    [Theory]
    [InlineData("s", new[] { "A", "B" }, "2 members need 2 kinds")]
    [InlineData("sx", new[] { "A", "B" }, "unknown kind 'x'")]
    [InlineData("sr", new[] { "A", "B" }, "reader 0 is not given")]
    [InlineData("ss", new[] { "A", "A" }, "named like an earlier one")]
    public void A_shape_that_does_not_add_up_is_refused_with_the_reason(string kinds, string[] names, string reason)
        => Assert.Contains(reason, Assert.Throws<ArgumentException>(() => new VodJsonShape(kinds, null, names)).Message);

    [Fact]
    public void A_shape_refuses_readers_left_over_and_keeps_its_own_copy_of_the_names()
    {
        Assert.Contains("2 readers are given for 1", Assert.Throws<ArgumentException>(() => new VodJsonShape("r", [VodJsonValueReaders.Object<Item>(ReadItem), VodJsonValueReaders.Object<Item>(ReadItem)], "A")).Message);
        var names = new[] { "Id", "Size" };
        var shape = new VodJsonShape("sl", null, names);
        names[0] = "Changed";
        Assert.Equal(new Item("a", null), Read("{\"Id\":\"a\"}", (ref Utf8JsonReader r, string p) =>
        {
            VodJsonValues.Read(ref r, p, shape, out var v);
            return v.Complete(new Item(v.String(0), v.Int64(1)));
        }));
    }

    [Fact]
    public void Describe_lists_names_and_values_invariantly()
    {
        Assert.Equal("T { }", VodDisplay.Describe("T"));
        Assert.Equal("T { A = 1.5, B = null, C = ***, D = [2 items] }", VodDisplay.Describe("T", "A", 1.5, "B", null, "C", VodDisplay.Secret("s3cr3t"), "D", new List<int> { 1, 2 }));
        Assert.Throws<ArgumentException>(() => VodDisplay.Describe("T", "A"));
    }
}

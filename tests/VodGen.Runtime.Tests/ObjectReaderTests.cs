using System.Text;
using System.Text.Json;
using VodGen.GeneratedCode;

namespace VodGen.Runtime.Tests;

/// <summary>The member walk generated readers are made of: matching, skipping, refusing repeats, typed reads.</summary>
public class ObjectReaderTests
{
    private static readonly VodJsonMembers Pair = new("Id", "Size");

    private sealed record Item(string? Id, long? Size);

    private static Item ReadItem(ref Utf8JsonReader reader, string path)
    {
        string? id = null;
        long? size = null;
        var o = new VodObjectReader(ref reader, path, Pair);
        while (o.Next(ref reader))
        {
            switch (o.Member)
            {
                case 0: id = o.String(ref reader); break;
                case 1: size = o.Int64(ref reader); break;
            }
        }

        return new Item(id, size);
    }

    private static T Read<T>(string json, VodJsonObjectReader<T> read)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return read(ref reader, "$");
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
    public void Repeats_are_refused_beyond_the_first_64_members()
    {
        var names = Enumerable.Range(0, 130).Select(i => "M" + i).ToArray();
        var members = new VodJsonMembers(names);
        int Count(string json) => Read(json, (ref Utf8JsonReader r, string p) =>
        {
            var o = new VodObjectReader(ref r, p, members);
            var read = 0;
            while (o.Next(ref r))
            {
                o.Int64(ref r);
                read++;
            }

            return read;
        });

        Assert.Equal(130, Count("{" + string.Join(",", names.Reverse().Select(n => "\"" + n + "\":1")) + "}"));
        var error = Assert.Throws<VodProtocolException>(() => Count("{\"M129\":1,\"M70\":2,\"M129\":3}"));
        Assert.Equal("$.M129", error.JsonPath);
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
    {
        var error = Assert.Throws<VodProtocolException>(() => Read("[1]", ReadItem));
        Assert.Equal("$", error.JsonPath);
    }

    private static readonly VodJsonMembers Lists = new("One", "Many", "Ids");

    private static (Item? One, IReadOnlyList<Item>? Many, IReadOnlyList<string>? Ids) ReadLists(ref Utf8JsonReader reader, string path)
    {
        Item? one = null;
        IReadOnlyList<Item>? many = null;
        IReadOnlyList<string>? ids = null;
        var o = new VodObjectReader(ref reader, path, Lists);
        while (o.Next(ref reader))
        {
            switch (o.Member)
            {
                case 0: one = o.Object(ref reader, ReadItem); break;
                case 1: many = o.Objects(ref reader, ReadItem); break;
                case 2: ids = o.Array(ref reader, VodJsonReader.StringItem); break;
            }
        }

        return (one, many, ids);
    }

    [Fact]
    public void Objects_and_arrays_are_read_with_the_given_readers()
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
    [InlineData("{\"Ids\":[\"a\",3]}", "$.Ids[1]")]
    public void Errors_inside_objects_and_arrays_name_the_exact_path(string json, string path)
        => Assert.Equal(path, Assert.Throws<VodProtocolException>(() => Read(json, ReadLists)).JsonPath);

    [Fact]
    public void A_default_reader_says_how_it_must_be_made()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Read("{}", static (ref Utf8JsonReader r, string _) => default(VodObjectReader).Next(ref r)));
        Assert.Contains("constructor", error.Message);
    }

    [Fact]
    public void A_member_table_keeps_its_own_copy_of_the_names()
    {
        var names = new[] { "Id", "Size" };
        var members = new VodJsonMembers(names);
        names[0] = "Changed";
        Assert.Equal("Id", members[0]);
    }

    [Fact]
    public void A_member_table_refuses_a_name_listed_twice()
        => Assert.Throws<ArgumentException>(() => new VodJsonMembers("A", "B", "A"));

    [Fact]
    public void Describe_lists_names_and_values_invariantly()
    {
        Assert.Equal("T { }", VodDisplay.Describe("T"));
        Assert.Equal("T { A = 1.5, B = null, C = ***, D = [2 items] }", VodDisplay.Describe("T", "A", 1.5, "B", null, "C", VodDisplay.Secret("s3cr3t"), "D", new List<int> { 1, 2 }));
        Assert.Throws<ArgumentException>(() => VodDisplay.Describe("T", "A"));
    }
}

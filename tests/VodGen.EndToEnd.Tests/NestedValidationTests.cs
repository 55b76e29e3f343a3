using VodGen.Vod;

namespace VodGen.EndToEnd.Tests;

/// <summary>
/// Constraints inside list items and JSON objects are checked before anything is sent, and the error names the
/// value by its path. Values are variables, not constants, so the build-time analyzer leaves them to this check.
/// </summary>
public class NestedValidationTests
{
    private static readonly ProbeNestedParametersOperation Operation = ProbeNestedParametersOperation.Instance;

    private static ProbeNestedParametersRequest Request(string name, int weight = 5, string code = "ok", long low = 0, int count = 1)
        => new()
        {
            Items = Enumerable.Range(0, count).Select(_ => new ProbeNestedParametersRequest.ItemsItem { Name = name, Weight = weight }).ToList(),
            Filter = new ProbeNestedParametersRequest.FilterData { Code = code, Range = new ProbeNestedParametersRequest.FilterData.RangeData { Low = low } },
        };

    [Fact]
    public void Valid_nested_values_pass() => Operation.Validate(Request("abc"));

    [Theory]
    [InlineData("toolongname", 5, "ok", 0L, 1, "Items.1.Name")]
    [InlineData("Upper", 5, "ok", 0L, 1, "Items.1.Name")]
    [InlineData("abc", 11, "ok", 0L, 1, "Items.1.Weight")]
    [InlineData("abc", 5, "x", 0L, 1, "Filter.Code")]
    [InlineData("abc", 5, "ok", -1L, 1, "Filter.Range.Low")]
    [InlineData("abc", 5, "ok", 0L, 4, "Items")]
    public void A_broken_nested_value_is_named_by_its_path(string name, int weight, string code, long low, int count, string path)
    {
        var failure = Assert.Throws<ArgumentException>(() => Operation.Validate(Request(name, weight, code, low, count)));
        Assert.Equal(path, failure.ParamName);
    }

    [Fact]
    public void A_number_outside_its_listed_values_is_refused()
    {
        var mode = 2;
        var failure = Assert.Throws<ArgumentException>(() => Operation.Validate(new ProbeNestedParametersRequest { Mode = mode }));
        Assert.Equal(("Mode", "Mode must be one of 0, 1. (Parameter 'Mode')"), (failure.ParamName, failure.Message));
        Operation.Validate(new ProbeNestedParametersRequest { Mode = 1 });
    }

    [Fact]
    public void The_item_is_named_by_its_position()
    {
        var bad = "BAD"; // As a constant, the analyzer would stop the build (VODGEN021).
        var request = new ProbeNestedParametersRequest
        {
            Items = [new() { Name = "good" }, new() { Name = bad }],
        };

        Assert.Equal("Items.2.Name", Assert.Throws<ArgumentException>(() => Operation.Validate(request)).ParamName);
    }

    [Fact]
    public void A_missing_required_member_of_an_item_is_reported()
    {
        string? missing = null;
        var request = new ProbeNestedParametersRequest { Items = [new() { Name = missing! }] };

        Assert.Equal("Items.1.Name", Assert.Throws<ArgumentException>(() => Operation.Validate(request)).ParamName);
    }
}

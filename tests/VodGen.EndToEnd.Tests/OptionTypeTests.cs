using VodGen.Vod;

namespace VodGen.EndToEnd.Tests;

/// <summary>The generated option types: the listed values only, the text they send, and a way in from configuration.</summary>
public class OptionTypeTests
{
    [Fact]
    public void Each_value_sends_the_spec_text_and_equals_only_itself()
    {
        string? sent = GetVideoListRequest.SortByOption.CreationTimeAsc;

        Assert.Equal("CreationTime:Asc", sent);
        Assert.Equal("CreationTime:Desc", GetVideoListRequest.SortByOption.CreationTimeDesc.ToString());
        Assert.NotEqual(GetVideoListRequest.SortByOption.CreationTimeAsc, GetVideoListRequest.SortByOption.CreationTimeDesc);
        Assert.Equal(new[] { "CreationTime:Desc", "CreationTime:Asc" }, GetVideoListRequest.SortByOption.All.Select(o => o.Value));
    }

    [Fact]
    public void Text_from_configuration_maps_to_a_listed_value_or_to_nothing()
    {
        Assert.True(SearchMediaRequest.SearchTypeOption.TryFromValue("audio", out var audio));
        Assert.Same(SearchMediaRequest.SearchTypeOption.Audio, audio);
        Assert.False(SearchMediaRequest.SearchTypeOption.TryFromValue("Audio", out var wrongCase));
        Assert.Null(wrongCase);
        Assert.False(SearchMediaRequest.SearchTypeOption.TryFromValue(null, out _));
    }

    [Fact]
    public void A_request_shows_its_options_by_their_text()
        => Assert.Contains("SearchType = image", new SearchMediaRequest { SearchType = SearchMediaRequest.SearchTypeOption.Image }.ToString(), StringComparison.Ordinal);
}

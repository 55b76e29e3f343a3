namespace VodGen.Emulator.Tests.Operations;

/// <summary>
/// The emulator refuses what the service refuses even from callers without VodGen's checks: values outside a
/// parameter's listed set, bounds or length are InvalidParameter, sent raw (signed, but not validated).
/// </summary>
public class ServiceSideConstraintTests : EmulatorTestBase
{
    [Theory]
    [InlineData("SearchMedia", "SearchType", "movies", "it must be one of video, audio, image, attached")]
    [InlineData("SearchMedia", "PageSize", "500", "it must be from 1 to 100")]
    [InlineData("GetVideoPlayAuth", "AuthInfoTimeout", "99", "it must be from 100 to 3000")]
    [InlineData("RefreshUploadVideo", "ReferenceId", "abc", "its length must be from 6 to 64 characters")]
    public async Task A_value_outside_the_spec_is_InvalidParameter(string action, string name, string value, string why)
    {
        var parameters = RawCall.Common(action);
        parameters["Format"] = "JSON";
        parameters["VideoId"] = "v";
        parameters[name] = value;

        var (status, body, _) = await Raw().GetAsync(parameters);

        Assert.Equal(400, status);
        Assert.Contains("\"Code\":\"InvalidParameter\"", body, StringComparison.Ordinal);
        Assert.Contains(name, body, StringComparison.Ordinal);
        Assert.Contains(why, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_listed_value_passes()
    {
        var parameters = RawCall.Common("SearchMedia");
        parameters["Format"] = "JSON";
        parameters["SearchType"] = "image";
        parameters["PageSize"] = "100";

        var (status, _, _) = await Raw().GetAsync(parameters);

        Assert.Equal(200, status);
    }
}

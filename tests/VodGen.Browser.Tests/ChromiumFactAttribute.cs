using System.Runtime.CompilerServices;

namespace VodGen.Browser.Tests;

/// <summary>
/// A test that needs headless Chromium, chromedriver and the sample's ali-oss bundle (npm): skipped with the reason when
/// one is missing on a developer's machine; never skipped in CI (CI=true), where .ci/run installs them, so that a
/// missing install fails loudly instead.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("CI") is "true" or "1")
        {
            return;
        }

        if (Chromium.Missing() is { } missing)
        {
            Skip = missing;
        }
        else if (!File.Exists(Path.Combine(SampleFolder(), "wwwroot", "lib", "aliyun-oss-sdk.min.js")))
        {
            Skip = "samples/WebUpload was built without npm, so the page has no ali-oss (install Node.js and build again).";
        }
    }

    /// <summary>samples/WebUpload in this checkout.</summary>
    public static string SampleFolder([CallerFilePath] string source = "")
        => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "..", "..", "samples", "WebUpload"));
}

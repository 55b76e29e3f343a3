using OpenQA.Selenium.Chrome;

namespace VodGen.Browser.Tests;

/// <summary>
/// Headless Chromium and chromedriver as the distribution installs them (apt-get install chromium chromium-driver), or
/// where CHROMIUM_PATH and CHROMEDRIVER_PATH say. Nothing is downloaded: Selenium Manager is told to stay offline and
/// is given both paths.
/// </summary>
internal static class Chromium
{
    private static string BrowserPath => Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";

    private static string DriverPath => Environment.GetEnvironmentVariable("CHROMEDRIVER_PATH") ?? "/usr/bin/chromedriver";

    /// <summary>What is missing to run a browser, or null.</summary>
    public static string? Missing()
        => File.Exists(BrowserPath) && File.Exists(DriverPath)
            ? null
            : $"The browser tests need Chromium at {BrowserPath} and chromedriver at {DriverPath}: apt-get install -y chromium chromium-driver (or set CHROMIUM_PATH and CHROMEDRIVER_PATH).";

    public static ChromeDriver Start()
    {
        var browser = BrowserPath;
        var driver = DriverPath;
        if (Missing() is { } missing)
        {
            throw new InvalidOperationException(missing);
        }

        Environment.SetEnvironmentVariable("SE_OFFLINE", "true");
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(driver)!, Path.GetFileName(driver));
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        var options = new ChromeOptions { BinaryLocation = browser };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--no-first-run", "--disable-extensions", "--window-size=1200,900");
        return new ChromeDriver(service, options, TimeSpan.FromSeconds(120));
    }
}

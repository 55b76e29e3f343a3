using System.Net;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;
using WebUpload;

namespace VodGen.Browser.Tests;

/// <summary>
/// The web upload sample in a real browser: the page uploads a 24 MiB file it generates with ali-oss, in parts, straight
/// to the emulator's storage, renews the credential through the server when it expires mid-upload, and shows the video
/// once VOD's events say it is playable. The emulator must then hold exactly the page's bytes.
/// </summary>
public sealed class WebUploadBrowserTests : IAsyncLifetime
{
    private const int FileSize = 24 * 1024 * 1024;
    private WebUploadApp _app = null!;
    private ChromeDriver _browser = null!;

    public async Task InitializeAsync()
    {
        _app = await WebUploadApp.StartAsync(["--urls", "http://127.0.0.1:0", "--contentRoot", ChromiumFactAttribute.SampleFolder(), "--WebUpload:ExpireCredentialsAfterParts", "8"]);
        _browser = Chromium.Start();
    }

    public async Task DisposeAsync()
    {
        _browser.Quit();
        _browser.Dispose();
        await _app.DisposeAsync();
    }

    [ChromiumFact]
    public async Task A_generated_file_uploads_in_parts_renews_its_credential_and_plays_and_another_user_cannot_renew_it()
    {
        SignIn("alice");
        _browser.FindElement(By.Id("generate-button")).Click();

        var outcome = Wait(TimeSpan.FromMinutes(3), "return vodgen.upload && (vodgen.upload.error || (vodgen.log.includes('playable') ? 'playable' : null));");
        var log = string.Join("\n", ((IEnumerable<object>)Script("return vodgen.log;")).Select(o => o.ToString()));
        Assert.True(outcome == "playable", outcome + "\n" + log);

        // The credential expired mid-upload and was renewed through the refresh endpoint; the upload went on.
        Assert.Contains("credential expired", log, StringComparison.Ordinal);
        Assert.Contains("credential renewed through the server", log, StringComparison.Ordinal);
        var renewals = Convert.ToInt32(Script("return vodgen.upload.renewals;"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(renewals, 1, 10);

        // The emulator holds exactly the bytes the page made.
        var videoId = (string)Script("return vodgen.upload.videoId;");
        var video = _app.Emulator!.Store.Find(videoId)!;
        var stored = _app.Emulator.Storage.GetObject(video.Bucket, video.ObjectKey);
        Assert.NotNull(stored);
        Assert.Equal(FileSize, stored.Length);
        for (var i = 0; i < stored.Length; i++)
        {
            if (stored[i] != (byte)((i * 31) + 7))
            {
                Assert.Fail($"byte {i} is {stored[i]}, the page wrote {(byte)((i * 31) + 7)}");
            }
        }

        // The page shows the finished video with its signed playback URL, which the playback domain serves.
        Assert.True(_browser.FindElement(By.Id("play")).Displayed);
        var playUrl = _browser.FindElement(By.Id("play-link")).GetAttribute("href")!;
        Assert.Contains("auth_key=", playUrl, StringComparison.Ordinal);
        using (var http = new HttpClient())
        {
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(playUrl)).StatusCode);
        }

        Assert.Contains("TranscodeComplete", _browser.FindElement(By.Id("status")).Text, StringComparison.Ordinal);

        // Bob, in his own session, cannot renew Alice's upload with her ticket.
        var ticket = (string)Script("return vodgen.upload.ticket;");
        _browser.FindElement(By.Id("signout-button")).Click();
        new WebDriverWait(_browser, TimeSpan.FromSeconds(60)).Until(b => b.FindElement(By.Id("signin")).Displayed); // the sign-out landed
        SignIn("bob");
        var refused = (string?)((IJavaScriptExecutor)_browser).ExecuteAsyncScript(
            "const done = arguments[arguments.length - 1]; vodgen.refresh(arguments[0], arguments[1]).then(() => done('renewed'), e => done(e.status + ' ' + e.message));",
            videoId,
            ticket) ?? string.Empty;
        Assert.StartsWith("403 Not your upload", refused, StringComparison.Ordinal);
        Assert.DoesNotContain("alice", refused, StringComparison.Ordinal);
    }

    private void SignIn(string user)
    {
        _browser.Navigate().GoToUrl(_app.Address);

        // The sign-in form shows only once the page asked the server and nobody is signed in.
        new WebDriverWait(_browser, TimeSpan.FromSeconds(60)).Until(b => b.FindElement(By.Id("signin")).Displayed);
        var field = _browser.FindElement(By.Id("user"));
        field.Clear();
        field.SendKeys(user);
        _browser.FindElement(By.Id("signin-button")).Click();
        new WebDriverWait(_browser, TimeSpan.FromSeconds(60)).Until(b => b.FindElement(By.Id("who")).Text == user);
    }

    private object Script(string script) => ((IJavaScriptExecutor)_browser).ExecuteScript(script)!;

    // Polls the page until the script answers something; the wait is generous because 2 cores may be busy.
    private string Wait(TimeSpan timeout, string script)
        => new WebDriverWait(_browser, timeout) { PollingInterval = TimeSpan.FromMilliseconds(250) }
            .Until(b => ((IJavaScriptExecutor)b).ExecuteScript(script) as string);
}

using System;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace VodGen.Credentials;

/// <summary>
/// The CLI's <c>External</c> mode: a command (run by the shell, at most 60 s) prints
/// <c>{"mode","access_key_id","access_key_secret","sts_token","expiration"}</c>. StsToken credentials are kept until their
/// expiration like any temporary credential; AK credentials are asked for again every hour. What the command prints
/// holds secrets, so no error ever shows it.
/// </summary>
internal sealed class ExternalProcessCredentialsProvider(string command, string where, TimeProvider? clock = null) : RefreshingCredentialsProvider(clock)
{
    private const int MaxOutputChars = 64 * 1024;
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan AccessKeyLifetime = TimeSpan.FromHours(1);
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    protected override string SourceDescription => $"the command of {where}";

    protected override async ValueTask<VodTemporaryCredentials> FetchAsync(CancellationToken cancellationToken)
    {
        var start = OperatingSystem.IsWindows() ? new ProcessStartInfo("cmd.exe") { ArgumentList = { "/c", command } } : new ProcessStartInfo("/bin/sh") { ArgumentList = { "-c", command } };
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Exception exception) when (exception is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw Fail($"the shell could not be started ({exception.Message})");
        }

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(Limit);
        string output;
        try
        {
            var reading = process.StandardOutput.ReadToEndAsync(limit.Token);
            _ = process.StandardError.ReadToEndAsync(limit.Token); // drained, never shown: it may echo secrets
            output = await reading.ConfigureAwait(false);
            await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            throw Fail($"the command did not finish within {Limit.TotalSeconds:0} s");
        }

        if (process.ExitCode != 0)
        {
            throw Fail($"the command exited with code {process.ExitCode}");
        }

        return Parse(output.Length > MaxOutputChars ? throw Fail("the command printed more than 64 KB") : output);
    }

    private VodTemporaryCredentials Parse(string output)
    {
        try
        {
            using var document = JsonDocument.Parse(output);
            var root = document.RootElement;
            var mode = JsonText.Of(root, "mode") ?? "AK";
            var id = JsonText.Of(root, "access_key_id");
            var secret = JsonText.Of(root, "access_key_secret");
            if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(secret))
            {
                throw Fail("what the command printed has no access_key_id or access_key_secret");
            }

            var credentials = new VodCredentials(id, secret, mode == "StsToken" ? JsonText.Of(root, "sts_token") ?? throw Fail("the command printed StsToken credentials without sts_token") : null);
            if (mode != "StsToken")
            {
                return new VodTemporaryCredentials(credentials, _clock.GetUtcNow() + AccessKeyLifetime);
            }

            var expiration = root.TryGetProperty("expiration", out var value) ? value : default;
            return new VodTemporaryCredentials(credentials, expiration.ValueKind switch
            {
                JsonValueKind.Number when expiration.TryGetInt64(out var seconds) => DateTimeOffset.FromUnixTimeSeconds(seconds),
                JsonValueKind.String when DateTimeOffset.TryParse(expiration.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time) => time,
                _ => throw Fail("the command printed StsToken credentials without a readable expiration (a UTC time or Unix seconds)"),
            });
        }
        catch (JsonException)
        {
            throw Fail("what the command printed is not JSON (the output is not shown: it may hold secrets)");
        }
        catch (ArgumentException exception)
        {
            throw Fail("the command printed credentials that cannot be used: " + exception.Message.Split(" (Parameter", 2)[0]);
        }
    }

    private VodCredentialsException Fail(string reason) => new(SourceDescription, $"No credentials from {SourceDescription}: {reason}.");

}

using System.Diagnostics;
using System.Net;
using VodGen.Emulator;
using VodGen.Signing;
using VodGen.Transport;
using VodGen.Vod;
using VodGen.Throttling;

namespace VodGen.Emulator.Tests;

/// <summary>Item 9: the emulator under signals, long runs, broken spec files and hostile requests.</summary>
public class HardeningTests : EmulatorTestBase
{
    private static readonly HttpClient Http = new();

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    // Whether this process ignores the signal (and so its children start ignoring it): the SigIgn mask in /proc.
    private static bool IgnoredHere(int signal)
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        var mask = ulong.Parse(line["SigIgn:".Length..].Trim(), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);
        return (mask & (1UL << (signal - 1))) != 0;
    }

    private static VodRequestStamp Stamp(EmulatorCredential credential) => new(
        new VodCredentials(credential.AccessKeyId, credential.AccessKeySecret, credential.SecurityToken),
        "RefreshUploadVideo",
        "2017-03-21",
        Guid.NewGuid().ToString(),
        VodRequestStamp.FormatTimestamp(DateTimeOffset.UtcNow));

    [Theory]
    [InlineData("SIGTERM", 15)]
    [InlineData("SIGINT", 2)]
    public async Task The_standalone_emulator_stops_cleanly_on_a_signal(string name, int signal)
    {
        var start = new ProcessStartInfo("dotnet", $"\"{Path.Combine(AppContext.BaseDirectory, "VodGen.Emulator.Tool.dll")}\" --port 0")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var first = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.StartsWith("VodGen emulator listening on", first);

        Assert.Equal(0, Kill(process.Id, signal));
        if (signal == 2 && IgnoredHere(signal))
        {
            // Started as a background job (SIGINT ignored, as shells do for them), the child inherits the ignoring,
            // as it should: Ctrl+C is not for background jobs. It keeps running; SIGTERM then stops it the same way.
            await Task.Delay(500);
            Assert.False(process.HasExited, "the emulator stopped on a SIGINT it had inherited as ignored");
            Assert.Equal(0, Kill(process.Id, 15));
        }

        var rest = await process.StandardOutput.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(process.ExitCode == 0, $"{name}: exit {process.ExitCode}; stderr: {await errors}");
        Assert.Contains("VodGen emulator stopped.", rest);
        Assert.Empty(await errors);
    }

    [Fact]
    public async Task The_request_log_keeps_only_the_latest_records()
    {
        await using var emulator = await VodEmulator.StartAsync(new VodEmulatorOptions { RequestLogCapacity = 5 });
        using var client = new VodClient(new VodClientOptions
        {
            Endpoint = emulator.Endpoint,
            Credentials = new StaticCredentialsProvider(EmulatorCredential.Default.AccessKeyId, EmulatorCredential.Default.AccessKeySecret),
            Throttling = { Mode = VodThrottlingMode.Off },
        });
        var ids = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            ids.Add((await client.CreateUploadVideoAsync(new CreateUploadVideoRequest { Title = "t" + i, FileName = "f.mp4" })).RequestId!);
        }

        Assert.Equal(5, emulator.Log.Records.Count);
        Assert.Equal(12, emulator.Log.TotalRecorded);
        Assert.Equal(7, emulator.Log.Dropped);
        Assert.Equal(ids.TakeLast(5), emulator.Log.Records.Select(r => r.RequestId));
    }

    [Theory]
    [InlineData("{ \"info\": { \"product\": \"vod\", \"version\": \"2017-03-21\" }, \"apis\": { \"Op\": { \"parameters\": [ { \"schema\": {} } ] } } }", "apis.Op.parameters[0]")]
    [InlineData("{ \"info\": { \"product\": \"vod\", \"version\": \"2017-03-21\" }, \"apis\": { \"Op\": { \"x-vodgen-qps\": { \"perAccount\": \"many\" } } } }", "apis.Op.x-vodgen-qps.perAccount")]
    [InlineData("{ \"info\": { \"product\": \"vod\", \"version\": \"2017-03-21\" }, \"apis\": { \"Op\": { \"x-vodgen-qps\": { \"perAccount\": 0 } } } }", "apis.Op.x-vodgen-qps.perAccount")]
    [InlineData("{ \"info\": { \"product\": \"vod\", \"version\": \"2017-03-21\" }, \"apis\": { \"Op\": { \"errorCodes\": { \"bad\": [] } } } }", "apis.Op.errorCodes.bad")]
    [InlineData("{ \"info\": { \"product\": \"vod\", \"version\": \"2017-03-21\" }, \"apis\": { \"Op\": { \"errorCodes\": { \"400\": [ { \"errorCode\": 7 } ] } } } }", "apis.Op.errorCodes.400[0]")]
    [InlineData("{ \"info\": { \"product\": \"vod\", \"version\": \"2017-03-21\" }, \"apis\": { \"Op\": { \"responses\": { \"200\": { \"schema\": { \"type\": \"object\", \"properties\": [1] } } } } } }", "apis.Op.responses")]
    [InlineData("{ \"info\": { \"product\": 5, \"version\": \"2017-03-21\" }, \"apis\": {} }", "info.product")]
    [InlineData("{ \"info\": { \"product\": \"vod\", \"version\": \"2017-03-21\" } }", "apis")]
    public async Task A_malformed_spec_file_is_refused_at_start_naming_the_file_and_key(string text, string key)
    {
        var folder = Directory.CreateTempSubdirectory("vodgen-specs-").FullName;
        try
        {
            var file = Path.Combine(folder, "broken.json");
            await File.WriteAllTextAsync(file, text);
            var options = new VodEmulatorOptions();
            options.SpecFolders.Add(folder);

            var error = await Assert.ThrowsAsync<InvalidDataException>(() => VodEmulator.StartAsync(options));

            Assert.Contains(file, error.Message, StringComparison.Ordinal);
            Assert.Contains("'" + key + "'", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task The_standalone_emulator_names_a_broken_spec_and_exits_2()
    {
        var folder = Directory.CreateTempSubdirectory("vodgen-specs-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "broken.json"), "{ \"info\": { \"product\": \"vod\", \"version\": \"1\" }, \"apis\": { \"Op\": { \"parameters\": 3 } } }");
            using var process = Process.Start(new ProcessStartInfo("dotnet", $"\"{Path.Combine(AppContext.BaseDirectory, "VodGen.Emulator.Tool.dll")}\" --specs \"{folder}\"")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            })!;

            var error = await process.StandardError.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync();

            Assert.Equal(2, process.ExitCode);
            Assert.Contains("broken.json", error, StringComparison.Ordinal);
            Assert.Contains("'apis.Op'", error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_repeated_Authorization_header_is_IncompleteSignature()
    {
        using var message = VodRequestFactory.Create(RefreshUploadVideoOperation.Instance, new RefreshUploadVideoRequest { VideoId = "v" }, Stamp(EmulatorCredential.Default), VodSignatureVersion.V3, Emulator.Endpoint.ToString());
        var authorization = message.Headers.GetValues("Authorization").Single();
        message.Headers.TryAddWithoutValidation("Authorization", authorization.Replace("Signature=", "Signature=0", StringComparison.Ordinal));

        var response = await Http.SendAsync(message);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"Code\":\"IncompleteSignature\"", body);
        Assert.Contains("more than once", body);
    }

    [Fact]
    public async Task Rate_limits_are_per_account_shared_by_its_keys()
    {
        using var longTerm = UnprotectedClient();
        using var sts = Client(credential: EmulatorCredential.DefaultSts, configure: o =>
        {
            o.Throttling.Mode = VodThrottlingMode.Off;
            o.Retry.MaxRetryAttempts = 0;
        });
        var created = await longTerm.CreateUploadVideoAsync(new CreateUploadVideoRequest { Title = "t", FileName = "f.mp4" });
        var request = new RefreshUploadVideoRequest { VideoId = created.VideoId! };

        // The limit (80/s in cn-shanghai) is spent half by each key: together they pass it within the second.
        var calls = Enumerable.Range(0, 60).SelectMany(_ => new[] { longTerm, sts }).Select(c => Record.ExceptionAsync(() => c.RefreshUploadVideoAsync(request)));
        var outcomes = await Task.WhenAll(calls);

        Assert.Contains(outcomes, e => e is VodServiceException { Code: "Throttling.User" });
    }

    [Fact]
    public async Task Error_answers_carry_a_Recommend_link_and_unknown_actions_the_fixed_message()
    {
        using var client = UnprotectedClient();

        var error = await Assert.ThrowsAsync<VodServiceException>(() => client.SendAsync(new GatewayTests.RenamedOperation("DescribeNothing"), new RefreshUploadVideoRequest { VideoId = "v" }));

        Assert.Equal("Specified api is not found, please check your url and method.", error.ServiceMessage);
        Assert.StartsWith(Emulator.Endpoint + "troubleshoot?q=InvalidAction.NotFound&product=Vod&requestId=", error.Recommend);
        Assert.EndsWith(error.RequestId!, error.Recommend);
    }

    [Fact]
    public async Task A_log_record_keeps_a_bounded_part_of_what_the_caller_sent()
    {
        var parameters = RawCall.Common(new string('A', 100_000));
        parameters["SignatureNonce"] = new string('n', 100_000);

        // In a form body, where a request line's limit does not apply.
        using var response = await Http.PostAsync(Emulator.Endpoint, new FormUrlEncodedContent(parameters));

        var record = Emulator.Log.Records[^1];
        Assert.InRange(record.Action.Length, 1, 49);
        Assert.InRange(record.Nonce.Length, 1, 49);
        Assert.StartsWith("AAAA", record.Action, StringComparison.Ordinal);
    }
}

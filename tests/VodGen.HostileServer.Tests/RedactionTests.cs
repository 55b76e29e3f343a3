using VodGen.Testing;
using System.Diagnostics;
using System.Text;
using VodGen.Vod;

namespace VodGen.HostileServer.Tests;

/// <summary>Item 4: whatever a server echoes of the secret or token is masked in every text VodGen produces.</summary>
public sealed class RedactionTests
{
    private static string Echo() => string.Join(" | ", Hostile.SecretForms());

    public static TheoryData<string> Answers => new()
    {
        "error document",
        "html page",
        "broken json",
        "reason phrase",
    };

    private static async Task AnswerAsync(string kind, Stream stream)
    {
        var echo = Echo();
        switch (kind)
        {
            case "error document":
                var document = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string>
                {
                    ["Code"] = "SignatureMismatch." + Hostile.Token,
                    ["Message"] = "bad request, you sent " + echo,
                    ["RequestId"] = Hostile.Token,
                    ["HostId"] = "node7-" + Uri.EscapeDataString(Hostile.Secret),
                    ["Recommend"] = "diagnose?token=" + Uri.EscapeDataString(Hostile.Token),
                });
                await HostileServer.WriteAsync(stream, 400, document);
                break;
            case "html page":
                await HostileServer.WriteAsync(stream, 502, "<html><body>upstream said: " + echo + "</body></html>", "Bad Gateway", "text/html");
                break;
            case "broken json":
                await HostileServer.WriteAsync(stream, 200, "{\"RequestId\": \"" + echo.Replace("\"", "'", StringComparison.Ordinal) + "\", oops");
                break;
            case "reason phrase":
                await HostileServer.WriteAsync(stream, 500, string.Empty, "Failed for " + Hostile.Token + " " + Uri.EscapeDataString(Hostile.Secret), "text/plain");
                break;
        }
    }

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task Echoed_secrets_are_masked_in_messages_properties_ToString_logs_and_activities(string kind)
    {
        await using var server = new HostileServer(async (request, stream) =>
        {
            await AnswerAsync(kind, stream);
            return true;
        });
        var logger = new CapturingLogger();
        var tags = new List<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == VodTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                lock (tags)
                {
                    tags.AddRange(activity.TagObjects.Select(t => t.Key + "=" + t.Value));
                    tags.Add(activity.StatusDescription ?? string.Empty);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);

        foreach (var version in new[] { VodSignatureVersion.V1, VodSignatureVersion.V3 })
        {
            using var client = Hostile.Client(server.Endpoint, version, retries: 1, logger: logger);
            var exception = await Assert.ThrowsAnyAsync<VodException>(() => client.RefreshUploadVideoAsync(Hostile.Refresh));

            var texts = new List<string> { exception.Message, exception.ToString() };
            if (exception is VodServiceException service)
            {
                texts.AddRange(new[] { service.Code, service.ServiceMessage, service.RequestId, service.HostId, service.Recommend }.Select(t => t ?? string.Empty));
            }

            AssertMasked(texts, kind);

            // Error answers are quoted with the echo masked; a success answer (200) is not quoted at all.
            Assert.Contains(texts, t => t.Contains(kind == "broken json" ? "not quoted" : "***", StringComparison.Ordinal));
        }

        AssertMasked(logger.Lines, kind + " (logs)");
        lock (tags)
        {
            AssertMasked(tags, kind + " (activities)");
        }
    }

    private static void AssertMasked(IEnumerable<string> texts, string where)
    {
        foreach (var text in texts)
        {
            foreach (var form in Hostile.SecretForms())
            {
                Assert.False(text.Contains(form, StringComparison.OrdinalIgnoreCase), $"{where}: '{form}' leaked in: {text}");
            }
        }
    }
}

using System;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace VodGen;

/// <summary>
/// Reads a profile of the Alibaba Cloud CLI's <c>~/.aliyun/config.json</c>: the one named by
/// <c>ALIBABA_CLOUD_PROFILE</c>, else the file's <c>current</c> profile. Modes <c>AK</c> and <c>StsToken</c> are supported.
/// </summary>
public sealed class CliProfileCredentialsProvider : IVodCredentialSource
{
    private readonly string _path;
    private readonly string? _profile;
    private VodCredentials? _cached;

    /// <summary>Reads <paramref name="path"/> (default <c>~/.aliyun/config.json</c>), profile <paramref name="profile"/> (default: the file's current one).</summary>
    public CliProfileCredentialsProvider(string? path = null, string? profile = null)
    {
        _path = path ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".aliyun", "config.json");
        _profile = string.IsNullOrEmpty(profile) ? null : profile;
    }

    /// <inheritdoc/>
    public ValueTask<VodCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default)
        => ValueTask.FromResult(TryResolve(out var reason) ?? throw new InvalidOperationException("No Alibaba Cloud credentials: " + reason));

    /// <inheritdoc/>
    public VodCredentials? TryResolve(out string reason)
    {
        if (_cached is { } cached)
        {
            reason = string.Empty;
            return cached;
        }

        if (!File.Exists(_path))
        {
            reason = $"CLI profile file {_path} not found";
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(_path), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            var root = document.RootElement;
            var name = _profile ?? (root.TryGetProperty("current", out var current) ? current.GetString() : null) ?? "default";
            if (!root.TryGetProperty("profiles", out var profiles) || profiles.ValueKind != JsonValueKind.Array)
            {
                reason = $"{_path} has no \"profiles\" array";
                return null;
            }

            foreach (var profile in profiles.EnumerateArray())
            {
                if (Text(profile, "name") != name)
                {
                    continue;
                }

                var mode = Text(profile, "mode") ?? "AK";
                if (mode is not ("AK" or "StsToken"))
                {
                    reason = $"profile '{name}' in {_path} uses mode '{mode}', which VodGen does not support (AK or StsToken)";
                    return null;
                }

                var id = Text(profile, "access_key_id");
                var secret = Text(profile, "access_key_secret");
                if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(secret))
                {
                    reason = $"profile '{name}' in {_path} has no access_key_id or access_key_secret";
                    return null;
                }

                reason = string.Empty;
                return _cached = new VodCredentials(id, secret, mode == "StsToken" ? Text(profile, "sts_token") : null);
            }

            reason = $"{_path} has no profile '{name}'";
            return null;
        }
        catch (Exception exception) when (exception is JsonException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            reason = $"{_path} could not be read ({exception.GetType().Name})";
            return null;
        }
    }

    private static string? Text(JsonElement element, string name)
        => element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

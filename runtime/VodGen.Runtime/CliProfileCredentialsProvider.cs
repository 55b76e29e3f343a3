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
    private readonly CredentialFile _file;
    private readonly string? _profile;

    /// <summary>Reads <paramref name="path"/> (default <c>~/.aliyun/config.json</c>), profile <paramref name="profile"/> (default: the file's current one).</summary>
    public CliProfileCredentialsProvider(string? path = null, string? profile = null)
    {
        _file = new CredentialFile(path ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".aliyun", "config.json"), "CLI profile file");
        _profile = string.IsNullOrEmpty(profile) ? null : profile;
    }

    /// <inheritdoc/>
    public ValueTask<VodCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default)
        => CredentialFile.Get(this);

    /// <inheritdoc/>
    public VodCredentials? TryResolve(out string reason) => _file.Resolve(Read, out reason);

    private VodCredentials? Read(out string reason)
    {

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(_file.Path), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            var root = document.RootElement;
            var name = _profile ?? (root.TryGetProperty("current", out var current) ? current.GetString() : null) ?? "default";
            if (!root.TryGetProperty("profiles", out var profiles) || profiles.ValueKind != JsonValueKind.Array)
            {
                reason = $"{_file.Path} has no \"profiles\" array";
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
                    reason = $"profile '{name}' in {_file.Path} uses mode '{mode}', which VodGen does not support (AK or StsToken)";
                    return null;
                }

                var id = Text(profile, "access_key_id");
                var secret = Text(profile, "access_key_secret");
                if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(secret))
                {
                    reason = $"profile '{name}' in {_file.Path} has no access_key_id or access_key_secret";
                    return null;
                }

                reason = string.Empty;
                return CredentialCheck.Create(id, secret, mode == "StsToken" ? Text(profile, "sts_token") : null, $"access_key_id of profile '{name}' in {_file.Path}", $"sts_token of profile '{name}' in {_file.Path}");
            }

            reason = $"{_file.Path} has no profile '{name}'";
            return null;
        }
        catch (Exception exception) when (exception is JsonException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            reason = $"{_file.Path} could not be read ({exception.GetType().Name})";
            return null;
        }
    }

    private static string? Text(JsonElement element, string name)
        => element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

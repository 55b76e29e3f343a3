using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using VodGen.Credentials;

namespace VodGen;

/// <summary>
/// Reads a profile of the Alibaba Cloud CLI's <c>~/.aliyun/config.json</c>: the one named by
/// <c>ALIBABA_CLOUD_PROFILE</c>, else the file's <c>current</c> profile. Modes <c>AK</c> and <c>StsToken</c> hold
/// credentials; <c>RamRoleArn</c>, <c>ChainableRamRoleArn</c> (through its <c>source_profile</c>), <c>EcsRamRole</c>,
/// <c>OIDC</c>, <c>CredentialsURI</c> and <c>External</c> (a command that prints credentials) name a source, which is
/// kept, with its refreshing cache, until the file changes.
/// </summary>
public sealed class CliProfileCredentialsProvider : IVodCredentialSource, ICredentialLookup
{
    // A chain of source profiles longer than this is a loop or a mistake.
    private const int MaxChainDepth = 8;
    private readonly CredentialFile _file;
    private readonly string? _profile;
    private readonly Func<string, string?> _environment;

    /// <summary>Reads <paramref name="path"/> (default <c>~/.aliyun/config.json</c>), profile <paramref name="profile"/> (default: the file's current one).</summary>
    public CliProfileCredentialsProvider(string? path = null, string? profile = null)
        : this(path, profile, Environment.GetEnvironmentVariable)
    {
    }

    internal CliProfileCredentialsProvider(string? path, string? profile, Func<string, string?> environment)
    {
        _file = new CredentialFile(path ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".aliyun", "config.json"), "CLI profile file");
        _profile = string.IsNullOrEmpty(profile) ? null : profile;
        _environment = environment;
    }

    /// <inheritdoc/>
    public ValueTask<VodCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default)
        => _file.Resolve(Read).GetAsync(cancellationToken);

    /// <inheritdoc/>
    public VodCredentials? TryResolve(out string reason) => _file.Resolve(Read).TryResolve($"the profile in {_file.Path}", out reason);

    ValueTask<(VodCredentials? Credentials, string Reason)> ICredentialLookup.LookupAsync(CancellationToken cancellationToken)
        => _file.Resolve(Read).LookupAsync(cancellationToken);

    private FileEntry Read()
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(_file.Path), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            var root = document.RootElement;
            var name = _profile ?? (root.TryGetProperty("current", out var current) ? current.GetString() : null) ?? "default";
            if (!root.TryGetProperty("profiles", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                return FileEntry.None($"{_file.Path} has no \"profiles\" array");
            }

            var profiles = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var profile in list.EnumerateArray())
            {
                if (JsonText.Of(profile, "name") is { } profileName)
                {
                    profiles.TryAdd(profileName, profile.Clone());
                }
            }

            return Entry(profiles, name, new List<string>());
        }
        catch (Exception exception) when (exception is JsonException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return FileEntry.None($"{_file.Path} could not be read ({exception.GetType().Name})");
        }
    }

    private FileEntry Entry(Dictionary<string, JsonElement> profiles, string name, List<string> path)
    {
        var where = $"profile '{name}' in {_file.Path}";
        if (!profiles.TryGetValue(name, out var profile))
        {
            return FileEntry.None(path.Count == 0 ? $"{_file.Path} has no profile '{name}'" : $"{_file.Path} has no profile '{name}' (the source_profile of '{path[^1]}')");
        }

        if (path.Contains(name) || path.Count >= MaxChainDepth)
        {
            return FileEntry.None($"the source profiles in {_file.Path} form a loop: {string.Join(" → ", path)} → {name}");
        }

        var mode = JsonText.Of(profile, "mode") ?? "AK";
        try
        {
            switch (mode)
            {
                case "AK" or "StsToken":
                    var id = JsonText.Of(profile, "access_key_id");
                    var secret = JsonText.Of(profile, "access_key_secret");
                    return string.IsNullOrEmpty(id) || string.IsNullOrEmpty(secret)
                        ? FileEntry.None($"{where} has no access_key_id or access_key_secret")
                        : FileEntry.Of(CredentialCheck.Create(id, secret, mode == "StsToken" ? JsonText.Of(profile, "sts_token") : null, $"access_key_id of {where}", $"sts_token of {where}"));
                case "RamRoleArn":
                    var key = JsonText.Of(profile, "access_key_id");
                    var keySecret = JsonText.Of(profile, "access_key_secret");
                    return string.IsNullOrEmpty(key) || string.IsNullOrEmpty(keySecret)
                        ? FileEntry.None($"{where} (RamRoleArn) has no access_key_id or access_key_secret")
                        : FileEntry.Of(new RamRoleArnCredentialsProvider(new StaticCredentialsProvider(key, keySecret, JsonText.Of(profile, "sts_token")), RoleOptions(profile, where), _environment, null, null, null));
                case "ChainableRamRoleArn":
                    var sourceName = JsonText.Of(profile, "source_profile");
                    if (string.IsNullOrEmpty(sourceName))
                    {
                        return FileEntry.None($"{where} (ChainableRamRoleArn) has no source_profile");
                    }

                    path.Add(name);
                    var source = Entry(profiles, sourceName, path);
                    IVodCredentialsProvider? signer = source.Credentials is { } fixedCredentials ? new FixedCredentials(fixedCredentials) : source.Source;
                    return signer is null
                        ? FileEntry.None($"{where}: {source.Reason}")
                        : FileEntry.Of(new RamRoleArnCredentialsProvider(signer, RoleOptions(profile, where), _environment, null, null, null));
                case "EcsRamRole":
                    return FileEntry.Of(new EcsRamRoleCredentialsProvider(new EcsRamRoleOptions { RoleName = JsonText.Of(profile, "ram_role_name") }, _environment, null, null, null));
                case "OIDC":
                    var oidc = new OidcRoleOptions { OidcProviderArn = JsonText.Of(profile, "oidc_provider_arn"), OidcTokenFile = JsonText.Of(profile, "oidc_token_file") };
                    CopyRole(profile, oidc, where);
                    return FileEntry.Of(new OidcRoleCredentialsProvider(oidc, _environment, null, null, null));
                case "CredentialsURI":
                    return JsonText.Of(profile, "credentials_uri") is { Length: > 0 } uri
                        ? FileEntry.Of(new CredentialsUriProvider(uri, null, null, null, null))
                        : FileEntry.None($"{where} (CredentialsURI) has no credentials_uri");
                case "External":
                    return JsonText.Of(profile, "process_command") is { Length: > 0 } command
                        ? FileEntry.Of(new ExternalProcessCredentialsProvider(command, where))
                        : FileEntry.None($"{where} (External) has no process_command");
                case "CloudSSO":
                    return FileEntry.None($"{where} uses mode CloudSSO, which VodGen does not support yet; use another profile, or RRSA, a RAM role or an AccessKey");
                default:
                    return FileEntry.None($"{where} uses mode '{mode}', which VodGen does not know (AK, StsToken, RamRoleArn, ChainableRamRoleArn, EcsRamRole, OIDC, CredentialsURI, External)");
            }
        }
        catch (ArgumentException exception)
        {
            return FileEntry.None($"{where} ({mode}) cannot be used: {exception.Message}");
        }
    }

    private static RamRoleArnOptions RoleOptions(JsonElement profile, string where)
    {
        var options = new RamRoleArnOptions { ExternalId = JsonText.Of(profile, "external_id") };
        CopyRole(profile, options, where);
        return options;
    }

    // The fields every role mode shares, as the CLI writes them.
    private static void CopyRole(JsonElement profile, StsRoleOptions options, string where)
    {
        options.RoleArn = JsonText.Of(profile, "ram_role_arn") ?? throw new ArgumentException($"{where} has no ram_role_arn.");
        options.RoleSessionName = JsonText.Of(profile, "ram_session_name");
        options.Policy = JsonText.Of(profile, "policy");
        options.StsRegion = JsonText.Of(profile, "sts_region");
        if (profile.TryGetProperty("enable_vpc", out var vpc) && vpc.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            options.EnableVpcEndpoint = vpc.GetBoolean();
        }

        if (profile.TryGetProperty("expired_seconds", out var seconds) && seconds.ValueKind == JsonValueKind.Number)
        {
            options.DurationSeconds = seconds.TryGetInt32(out var value) && value > 0
                ? value
                : throw new ArgumentException($"expired_seconds of {where} is not a positive whole number of seconds.");
        }
    }


    /// <summary>Credentials written in the file, as the source of a role.</summary>
    private sealed class FixedCredentials(VodCredentials credentials) : IVodCredentialsProvider
    {
        public ValueTask<VodCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(credentials);
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace VodGen;

/// <summary>
/// Reads <c>~/.alibabacloud/credentials</c> (or <c>ALIBABA_CLOUD_CREDENTIALS_FILE</c>): the section named by
/// <c>ALIBABA_CLOUD_PROFILE</c>, else <c>[default]</c>. Types: <c>access_key</c> (or <c>sts</c> with
/// <c>security_token</c>) with <c>access_key_id</c> and <c>access_key_secret</c>; <c>ecs_ram_role</c> (<c>role_name</c>);
/// <c>ram_role_arn</c> (the key pair, <c>role_arn</c>, <c>role_session_name</c>, <c>policy</c>); <c>oidc_role_arn</c>
/// (<c>role_arn</c>, <c>oidc_provider_arn</c>, <c>oidc_token_file_path</c>, <c>role_session_name</c>).
/// </summary>
public sealed class IniFileCredentialsProvider : IVodCredentialSource, ICredentialLookup
{
    private readonly CredentialFile _file;
    private readonly string _section;
    private readonly Func<string, string?> _environment;

    /// <summary>Reads <paramref name="path"/> (default <c>~/.alibabacloud/credentials</c>), section <paramref name="section"/> (default <c>default</c>).</summary>
    public IniFileCredentialsProvider(string? path = null, string? section = null)
        : this(path, section, Environment.GetEnvironmentVariable)
    {
    }

    internal IniFileCredentialsProvider(string? path, string? section, Func<string, string?> environment)
    {
        _file = new CredentialFile(path ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".alibabacloud", "credentials"), "credentials file");
        _section = string.IsNullOrEmpty(section) ? "default" : section;
        _environment = environment;
    }

    /// <inheritdoc/>
    public ValueTask<VodCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default)
        => _file.Resolve(Read).GetAsync(cancellationToken);

    /// <inheritdoc/>
    public VodCredentials? TryResolve(out string reason) => _file.Resolve(Read).TryResolve($"[{_section}] in {_file.Path}", out reason);

    ValueTask<(VodCredentials? Credentials, string Reason)> ICredentialLookup.LookupAsync(CancellationToken cancellationToken)
        => _file.Resolve(Read).LookupAsync(cancellationToken);

    private FileEntry Read()
    {

        Dictionary<string, string>? values = null;
        try
        {
            string? section = null;
            foreach (var raw in File.ReadLines(_file.Path))
            {
                var line = raw.Trim();
                if (line.Length == 0 || line[0] is '#' or ';')
                {
                    continue;
                }

                if (line[0] == '[' && line[^1] == ']')
                {
                    section = line[1..^1].Trim();
                    if (section == _section)
                    {
                        values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                    }

                    continue;
                }

                var equals = line.IndexOf('=');
                if (section == _section && equals > 0)
                {
                    values![line[..equals].Trim()] = line[(equals + 1)..].Trim();
                }
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return FileEntry.None($"{_file.Path} could not be read ({exception.GetType().Name})");
        }

        if (values is null)
        {
            return FileEntry.None($"{_file.Path} has no [{_section}] section");
        }

        var where = $"[{_section}] in {_file.Path}";
        var type = values.GetValueOrDefault("type", "access_key");
        var id = values.GetValueOrDefault("access_key_id");
        var secret = values.GetValueOrDefault("access_key_secret");
        try
        {
            switch (type)
            {
                case "access_key" or "sts":
                    return string.IsNullOrEmpty(id) || string.IsNullOrEmpty(secret)
                        ? FileEntry.None($"{where} has no access_key_id or access_key_secret")
                        : FileEntry.Of(CredentialCheck.Create(id, secret, type == "sts" ? values.GetValueOrDefault("security_token") : null, $"access_key_id of {where}", $"security_token of {where}"));
                case "ecs_ram_role":
                    return FileEntry.Of(new Credentials.EcsRamRoleCredentialsProvider(new Credentials.EcsRamRoleOptions { RoleName = values.GetValueOrDefault("role_name") }, _environment, null, null, null));
                case "ram_role_arn":
                    return string.IsNullOrEmpty(id) || string.IsNullOrEmpty(secret)
                        ? FileEntry.None($"{where} (ram_role_arn) has no access_key_id or access_key_secret")
                        : FileEntry.Of(new Credentials.RamRoleArnCredentialsProvider(
                            new StaticCredentialsProvider(id, secret),
                            new Credentials.RamRoleArnOptions { RoleArn = values.GetValueOrDefault("role_arn"), RoleSessionName = values.GetValueOrDefault("role_session_name"), Policy = values.GetValueOrDefault("policy") },
                            _environment, null, null, null));
                case "oidc_role_arn":
                    return FileEntry.Of(new Credentials.OidcRoleCredentialsProvider(
                        new Credentials.OidcRoleOptions
                        {
                            RoleArn = values.GetValueOrDefault("role_arn"),
                            OidcProviderArn = values.GetValueOrDefault("oidc_provider_arn"),
                            OidcTokenFile = values.GetValueOrDefault("oidc_token_file_path"),
                            RoleSessionName = values.GetValueOrDefault("role_session_name"),
                        },
                        _environment, null, null, null));
                default:
                    return FileEntry.None($"{where} has type '{type}', which VodGen does not know (access_key, sts, ecs_ram_role, ram_role_arn, oidc_role_arn)");
            }
        }
        catch (ArgumentException exception)
        {
            return FileEntry.None($"{where} ({type}) cannot be used: {exception.Message}");
        }
    }
}

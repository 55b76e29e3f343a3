using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace VodGen;

/// <summary>
/// Reads <c>~/.alibabacloud/credentials</c> (or <c>ALIBABA_CLOUD_CREDENTIALS_FILE</c>): the section named by
/// <c>ALIBABA_CLOUD_PROFILE</c>, else <c>[default]</c>, with <c>type = access_key</c> (or <c>sts</c> with
/// <c>security_token</c>), <c>access_key_id</c> and <c>access_key_secret</c>.
/// </summary>
public sealed class IniFileCredentialsProvider : IVodCredentialSource
{
    private readonly CredentialFile _file;
    private readonly string _section;

    /// <summary>Reads <paramref name="path"/> (default <c>~/.alibabacloud/credentials</c>), section <paramref name="section"/> (default <c>default</c>).</summary>
    public IniFileCredentialsProvider(string? path = null, string? section = null)
    {
        _file = new CredentialFile(path ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".alibabacloud", "credentials"), "credentials file");
        _section = string.IsNullOrEmpty(section) ? "default" : section;
    }

    /// <inheritdoc/>
    public ValueTask<VodCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default)
        => CredentialFile.Get(this);

    /// <inheritdoc/>
    public VodCredentials? TryResolve(out string reason) => _file.Resolve(Read, out reason);

    private VodCredentials? Read(out string reason)
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
            reason = $"{_file.Path} could not be read ({exception.GetType().Name})";
            return null;
        }

        if (values is null)
        {
            reason = $"{_file.Path} has no [{_section}] section";
            return null;
        }

        var type = values.GetValueOrDefault("type", "access_key");
        if (type is not ("access_key" or "sts"))
        {
            reason = $"[{_section}] in {_file.Path} has type '{type}', which VodGen does not support (access_key or sts)";
            return null;
        }

        var id = values.GetValueOrDefault("access_key_id");
        var secret = values.GetValueOrDefault("access_key_secret");
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(secret))
        {
            reason = $"[{_section}] in {_file.Path} has no access_key_id or access_key_secret";
            return null;
        }

        reason = string.Empty;
        return CredentialCheck.Create(id, secret, type == "sts" ? values.GetValueOrDefault("security_token") : null, $"access_key_id of [{_section}] in {_file.Path}", $"security_token of [{_section}] in {_file.Path}");
    }
}

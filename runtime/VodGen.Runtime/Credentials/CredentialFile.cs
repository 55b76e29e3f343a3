using System;
using System.IO;
using System.Threading.Tasks;

namespace VodGen;

/// <summary>What the file-based credential sources share: read once, cache, and explain a missing file.</summary>
internal sealed class CredentialFile
{
    private readonly string _description;
    private VodCredentials? _cached;

    public CredentialFile(string path, string description)
    {
        Path = path;
        _description = description;
    }

    public string Path { get; }

    /// <summary>The cached credentials, or the result of <paramref name="read"/> when the file exists.</summary>
    public VodCredentials? Resolve(ReadCredentials read, out string reason)
    {
        if (_cached is { } cached)
        {
            reason = string.Empty;
            return cached;
        }

        if (!File.Exists(Path))
        {
            reason = $"{_description} {Path} not found";
            return null;
        }

        return _cached = read(out reason);
    }

    /// <summary>The providers' <c>GetCredentialsAsync</c>: the credentials, or an error that says why there are none.</summary>
    public static ValueTask<VodCredentials> Get(IVodCredentialSource source)
        => ValueTask.FromResult(source.TryResolve(out var reason) ?? throw new InvalidOperationException("No Alibaba Cloud credentials: " + reason));

    public delegate VodCredentials? ReadCredentials(out string reason);
}

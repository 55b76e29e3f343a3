using System;
using System.IO;
using System.Threading.Tasks;

namespace VodGen;

/// <summary>
/// What the file-based credential sources share: read the file when it is new or has changed (so a rotated key or
/// STS token is picked up), keep the result while it stays the same, refuse what is not a small regular file, and
/// explain a missing file. Thread-safe.
/// </summary>
internal sealed class CredentialFile
{
    // Credential files are a few hundred bytes; anything far larger is not one.
    private const long LargestFile = 1024 * 1024;

    private readonly string _description;
    private readonly object _gate = new();
    private Snapshot? _last;

    public CredentialFile(string path, string description)
    {
        Path = path;
        _description = description;
    }

    public string Path { get; }

    /// <summary>
    /// The credentials read from the file, or null with the reason. The file is read again whenever its size or
    /// modification time differs from the last read; otherwise the last result (credentials or reason) stands.
    /// </summary>
    public VodCredentials? Resolve(ReadCredentials read, out string reason)
    {
        var info = new FileInfo(Path);
        if (!info.Exists)
        {
            reason = Directory.Exists(Path) ? $"{_description} {Path} is a directory" : $"{_description} {Path} not found";
            return null;
        }

        // A FIFO, socket or device reports no size; opening a FIFO would block the caller until a writer came.
        if (info.Length == 0)
        {
            reason = $"{_description} {Path} is empty or not a regular file (FIFOs and devices are not read)";
            return null;
        }

        if (info.Length > LargestFile)
        {
            reason = $"{_description} {Path} is {info.Length} bytes, too large to be a credentials file";
            return null;
        }

        var stamp = (info.LastWriteTimeUtc, info.Length);
        lock (_gate)
        {
            if (_last is { } last && last.Stamp == stamp)
            {
                reason = last.Reason;
                return last.Credentials;
            }

            var credentials = read(out reason);
            _last = new Snapshot(stamp, credentials, reason);
            return credentials;
        }
    }

    /// <summary>The providers' <c>GetCredentialsAsync</c>: the credentials, or an error that says why there are none.</summary>
    public static ValueTask<VodCredentials> Get(IVodCredentialSource source)
        => ValueTask.FromResult(source.TryResolve(out var reason) ?? throw new InvalidOperationException("No Alibaba Cloud credentials: " + reason));

    public delegate VodCredentials? ReadCredentials(out string reason);

    private sealed record Snapshot((DateTime, long) Stamp, VodCredentials? Credentials, string Reason);
}

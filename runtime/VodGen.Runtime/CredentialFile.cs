using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace VodGen;

/// <summary>
/// What the file-based credential sources share: read the file when it is new or has changed (so a rotated key or
/// STS token is picked up), keep the result while it stays the same, refuse what is not a small regular file, and
/// explain a missing file. An entry is either credentials written in the file or a source it names (a role, a
/// command, a URI), which is kept, with its cache, until the file changes. Thread-safe.
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
    /// The entry read from the file, or one with the reason there is none. The file is read again whenever its size
    /// or modification time differs from the last read; otherwise the last entry stands.
    /// </summary>
    public FileEntry Resolve(ReadEntry read)
    {
        var info = new FileInfo(Path);
        if (!info.Exists)
        {
            return FileEntry.None(Directory.Exists(Path) ? $"{_description} {Path} is a directory" : $"{_description} {Path} not found");
        }

        // A FIFO, socket or device reports no size; opening a FIFO would block the caller until a writer came.
        if (info.Length == 0)
        {
            return FileEntry.None($"{_description} {Path} is empty or not a regular file (FIFOs and devices are not read)");
        }

        if (info.Length > LargestFile)
        {
            return FileEntry.None($"{_description} {Path} is {info.Length} bytes, too large to be a credentials file");
        }

        var stamp = (info.LastWriteTimeUtc, info.Length);
        lock (_gate)
        {
            if (_last is { } last && last.Stamp == stamp)
            {
                return last.Entry;
            }

            var entry = read();
            _last = new Snapshot(stamp, entry);
            return entry;
        }
    }

    public delegate FileEntry ReadEntry();

    private sealed record Snapshot((DateTime, long) Stamp, FileEntry Entry);
}

/// <summary>One profile or section of a credentials file: credentials, a source to ask, or why there is neither.</summary>
internal sealed record FileEntry(VodCredentials? Credentials, IVodCredentialsProvider? Source, string Reason)
{
    public static FileEntry None(string reason) => new(null, null, reason);

    public static FileEntry Of(VodCredentials credentials) => new(credentials, null, string.Empty);

    public static FileEntry Of(IVodCredentialsProvider source) => new(null, source, string.Empty);

    /// <summary>The synchronous answer: credentials written in the file, or null with why (a named source needs a call).</summary>
    public VodCredentials? TryResolve(string what, out string reason)
    {
        reason = Source is null ? Reason : $"{what} names a source that is asked over the network; use GetCredentialsAsync";
        return Credentials;
    }

    /// <summary>The credentials, from the file or from the source it names; an error that says why when there are none.</summary>
    public ValueTask<VodCredentials> GetAsync(CancellationToken cancellationToken)
        => Credentials is { } credentials ? ValueTask.FromResult(credentials)
            : Source is { } source ? source.GetCredentialsAsync(cancellationToken)
            : ValueTask.FromException<VodCredentials>(new InvalidOperationException("No Alibaba Cloud credentials: " + Reason));

    /// <summary>For the default chain: credentials, or null with the reason (a failing source's message).</summary>
    public async ValueTask<(VodCredentials? Credentials, string Reason)> LookupAsync(CancellationToken cancellationToken)
    {
        if (Source is null)
        {
            return (Credentials, Reason);
        }

        try
        {
            return (await Source.GetCredentialsAsync(cancellationToken).ConfigureAwait(false), string.Empty);
        }
        catch (Exception exception) when (exception is global::VodGen.Credentials.VodCredentialsException or InvalidOperationException or ArgumentException or IOException)
        {
            return (null, exception.Message);
        }
    }
}

/// <summary>A source the default chain asks with a lookup that reports why it has nothing instead of throwing.</summary>
internal interface ICredentialLookup
{
    ValueTask<(VodCredentials? Credentials, string Reason)> LookupAsync(CancellationToken cancellationToken);
}

using System.Security.Cryptography;

namespace VodGen.Emulator.Storage;

/// <summary>Bytes the storage front received, kept in a file: its length, MD5 (the part's ETag) and CRC-64.</summary>
internal sealed record Blob(string Path, long Length, string Md5Hex, ulong Crc64);

/// <summary>
/// Where the storage front keeps what it receives: files in a temporary folder the emulator owns and removes when
/// it stops, written as the body streams in. Memory stays flat whatever is uploaded; disk holds what is stored.
/// </summary>
internal sealed class BlobStore : IDisposable
{
    private const int ChunkSize = 128 * 1024;
    // Made on first use: an emulator that never stores anything leaves nothing behind, even when it is killed.
    private readonly Lazy<string> _folder = new(() => Directory.CreateTempSubdirectory("vodgen-emulator-").FullName);

    /// <summary>The folder (for diagnostics and tests).</summary>
    public string Folder => _folder.Value;

    /// <summary>Writes up to <paramref name="limit"/> bytes of <paramref name="body"/> to a new file; null (and nothing kept) when the body ends early or the read fails.</summary>
    public async Task<Blob?> WriteAsync(Stream body, long? expectedLength, long limit, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Folder, Guid.NewGuid().ToString("N"));
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(ChunkSize);
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        var crc = StorageCrc64.Create();
        long length = 0;
        try
        {
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, ChunkSize, FileOptions.Asynchronous))
            {
                while (length < limit)
                {
                    var read = await body.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, limit - length)), cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        break;
                    }

                    md5.AppendData(buffer, 0, read);
                    crc.Append(buffer.AsSpan(0, read));
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                    length += read;
                }
            }

            if (expectedLength is { } expected && expected != length)
            {
                Delete(path);
                return null;
            }

            return new Blob(path, length, Convert.ToHexString(md5.GetHashAndReset()), crc.GetCurrentHashAsUInt64());
        }
        catch
        {
            Delete(path);
            throw;
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads a body to its end without keeping it; returns the bytes read.</summary>
    public static async Task<long> DiscardAsync(Stream body, long limit, CancellationToken cancellationToken)
    {
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            long length = 0;
            while (length < limit)
            {
                var read = await body.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, limit - length)), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                length += read;
            }

            return length;
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The CRC-64 of several blobs read one after the other.</summary>
    public static async Task<ulong> Crc64Async(IEnumerable<Blob> blobs, CancellationToken cancellationToken)
    {
        var crc = StorageCrc64.Create();
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            foreach (var blob in blobs)
            {
                await using var file = new FileStream(blob.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
                int read;
                while ((read = await file.ReadAsync(buffer.AsMemory(0, ChunkSize), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    crc.Append(buffer.AsSpan(0, read));
                }
            }

            return crc.GetCurrentHashAsUInt64();
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public static void Delete(Blob? blob)
    {
        if (blob is not null)
        {
            Delete(blob.Path);
        }
    }

    public void Dispose()
    {
        if (!_folder.IsValueCreated)
        {
            return;
        }

        try
        {
            Directory.Delete(_folder.Value, recursive: true);
        }
        catch (IOException)
        {
            // A file still open elsewhere; the temporary folder is the system's to clean then.
        }
    }

    private static void Delete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Still being read (an object streamed out while it was replaced): the folder goes when the emulator stops.
        }
    }
}

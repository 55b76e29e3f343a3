namespace VodGen.Upload.Tests.Hostile;

/// <summary>A fake storage per test, a folder for files and checkpoints, and the uploads the tests start from.</summary>
public abstract class HostileStorageTestBase : IAsyncLifetime
{
    protected const int PartSize = 100 * 1024;

    protected string Folder { get; } = Directory.CreateTempSubdirectory("vodgen-hostile-").FullName;

    protected FakeStorage Storage { get; private set; } = null!;

    protected string Checkpoints => Path.Combine(Folder, "checkpoints");

    public async Task InitializeAsync() => Storage = await FakeStorage.StartAsync();

    public async Task DisposeAsync()
    {
        await Storage.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }

    protected VodUploadOptions Options(int parallelism = 2, IUploadCheckpointStore? store = null)
        => new() { PartSize = PartSize, Parallelism = parallelism, Checkpoints = store ?? new FileUploadCheckpointStore(Checkpoints) };

    protected FakeSession Session() => new(Storage, TimeSpan.FromHours(1));

    /// <summary>An upload of a file of <paramref name="parts"/> parts, cancelled once two parts are checkpointed.</summary>
    protected async Task<(FakeSession Session, string Path)> InterruptedAsync(int parts, int seed)
    {
        var session = Session();
        var path = HostileFiles.Write(Folder, parts * PartSize, seed);
        using var cancel = new CancellationTokenSource();
        var progress = new SynchronousProgress(p =>
        {
            if (p.PartsCommitted >= 2)
            {
                cancel.Cancel();
            }
        });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => VodUploader.UploadFileAsync(session, path, Options(parallelism: 1), progress, cancel.Token));
        return (session, path);
    }
}

/// <summary>A stream that cannot tell its length (a pipe, a network stream).</summary>
internal sealed class UnknownLengthStream(Stream inner) : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => inner.ReadAsync(buffer, cancellationToken);

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        inner.Dispose();
        base.Dispose(disposing);
    }
}

using Microsoft.Extensions.Time.Testing;

namespace VodGen.Upload.Tests.Hostile;

/// <summary>The upload credential's renewal: never jammed, never before every request, one per expiry.</summary>
public sealed class RenewalTests : IAsyncLifetime
{
    private const int PartSize = 100 * 1024;
    private readonly string _folder = Directory.CreateTempSubdirectory("vodgen-renewal-").FullName;
    private FakeStorage _storage = null!;

    public async Task InitializeAsync() => _storage = await FakeStorage.StartAsync();

    public async Task DisposeAsync()
    {
        await _storage.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Five_expiries_with_a_session_that_renews_synchronously_get_one_renewal_each_fifty_times_over()
    {
        var path = HostileFiles.Write(_folder, 30 * PartSize, seed: 1);
        for (var run = 0; run < 50; run++)
        {
            await using var storage = await FakeStorage.StartAsync();
            var (stored, expiries) = (0, 0);
            storage.AfterPart = _ =>
            {
                // From every third stored part on, five times: the working credential stops working. Parts already past
                // the storage's check still go through (as on a real storage), so an expiry counts only when it
                // revoked a working credential; the last comes early enough that later parts meet it.
                var n = Interlocked.Increment(ref stored);
                lock (storage)
                {
                    if (expiries < 5 && n >= 3 * (expiries + 1) && n <= 22 && storage.RevokeAll() > 0)
                    {
                        expiries++;
                    }
                }
            };
            var session = new FakeSession(storage, TimeSpan.FromHours(1));
            using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2)); // a jammed renewal would spin until here

            var result = await VodUploader.UploadFileAsync(session, path, new VodUploadOptions { PartSize = PartSize, Parallelism = 4 }, cancellationToken: limit.Token);

            Assert.Equal(5, expiries);
            Assert.True(session.Refreshes == 5, $"run {run}: {session.Refreshes} renewals for 5 expiries: " + string.Join(", ", storage.Requests.Select(r => $"{r.Operation} {r.PartNumber} {r.AccessKeyId} {r.Code}")));
            Assert.Equal(5, result.CredentialRefreshes);
            var refused = storage.Requests.Count(r => r.Code == "SecurityTokenExpired");
            Assert.True(refused <= 5 * 4, $"run {run}: {refused} requests refused for 5 expiries with 4 parts in flight");
            Assert.All(storage.Requests.Where(r => r.Code == "SecurityTokenExpired").GroupBy(r => (r.PartNumber, r.AccessKeyId)), g => Assert.Single(g));
            Assert.Equal(await File.ReadAllBytesAsync(path), storage.Object(session.VideoId));
        }
    }

    [Fact]
    public async Task A_credential_whose_life_is_shorter_than_RefreshBefore_is_renewed_at_half_its_life_not_before_every_request()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var storage = await FakeStorage.StartAsync(clock);
        storage.AfterPart = _ => clock.Advance(TimeSpan.FromSeconds(1)); // each part takes a second
        var session = new FakeSession(storage, TimeSpan.FromSeconds(4));
        var path = HostileFiles.Write(_folder, 12 * PartSize, seed: 2);

        var result = await VodUploader.UploadFileAsync(session, path, new VodUploadOptions { PartSize = PartSize, Parallelism = 1, TimeProvider = clock, RefreshBefore = TimeSpan.FromMinutes(5) });

        // 12 seconds of parts with 4-second credentials renewed at 2 seconds: about 6 renewals, none refused.
        Assert.InRange(session.Refreshes, 4, 7);
        Assert.Equal(0, storage.Requests.Count(r => r.Status == 403));
        Assert.Equal(await File.ReadAllBytesAsync(path), storage.Object(session.VideoId));
    }

    [Fact]
    public async Task A_credential_stated_as_already_expired_is_used_until_refused_instead_of_renewed_before_every_request()
    {
        var session = new FakeSession(_storage, TimeSpan.FromHours(1)) { StatedLifetime = TimeSpan.Zero, ExpireUtcTime = "2001-01-01T00:00:00Z" };
        var path = HostileFiles.Write(_folder, 10 * PartSize, seed: 3);

        await VodUploader.UploadFileAsync(session, path, new VodUploadOptions { PartSize = PartSize, Parallelism = 2 });

        Assert.Equal(0, session.Refreshes);
    }

    [Fact]
    public async Task A_storage_Date_in_the_year_9999_fails_the_upload_with_a_clock_message_instead_of_renewing_for_ever()
    {
        _storage.Intercept = async (context, storage) =>
        {
            storage.Record(context, 403, "RequestTimeTooSkewed");
            await FakeStorage.ErrorAsync(context, 403, "RequestTimeTooSkewed", "Fri, 31 Dec 9999 23:59:59 GMT");
            return true;
        };
        var session = new FakeSession(_storage, TimeSpan.FromHours(1));
        var path = HostileFiles.Write(_folder, 3 * PartSize, seed: 4);

        var error = await Assert.ThrowsAsync<VodUploadException>(() => VodUploader.UploadFileAsync(session, path, new VodUploadOptions { PartSize = PartSize }));

        Assert.Equal("RequestTimeTooSkewed", error.StorageCode);
        Assert.Contains("check this machine's clock", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, session.Refreshes);
        Assert.Single(_storage.Requests);
    }

    [Fact]
    public async Task A_fresh_credential_refused_twice_in_a_row_ends_the_upload_after_one_renewal()
    {
        _storage.Intercept = async (context, storage) =>
        {
            storage.Record(context, 403, "InvalidSecurityToken");
            await FakeStorage.ErrorAsync(context, 403, "InvalidSecurityToken");
            return true;
        };
        var session = new FakeSession(_storage, TimeSpan.FromHours(1));
        var path = HostileFiles.Write(_folder, 3 * PartSize, seed: 5);

        var error = await Assert.ThrowsAsync<VodUploadException>(() => VodUploader.UploadFileAsync(session, path, new VodUploadOptions { PartSize = PartSize }));

        Assert.Equal("InvalidSecurityToken", error.StorageCode);
        Assert.Equal(session.VideoId, error.VideoId);
        Assert.Equal(1, session.Refreshes);
        Assert.Equal(2, _storage.Requests.Count);
    }
}

/// <summary>Files of pseudo-random bytes for the hostile-storage tests.</summary>
internal static class HostileFiles
{
    public static string Write(string folder, long size, int seed, string? name = null)
    {
        var path = Path.Combine(folder, name ?? $"file-{seed}-{size}.bin");
        var data = new byte[size];
        new Random(seed).NextBytes(data);
        File.WriteAllBytes(path, data);
        return path;
    }
}

using System;
using System.Threading.Tasks;
using StackExchange.Redis;

namespace VodGen.Redis;

/// <summary>
/// Reserves the next free slot of a shared pace in one atomic step on the Redis server's clock. The key holds the
/// earliest time (µs) of the next slot; a reservation takes <c>max(next, now)</c> and moves the key one interval on.
/// The answer is how long the caller must wait for its slot, or, negated, how long it would have had to wait when
/// that is more than it may.
/// </summary>
internal static class RedisPacingScript
{
    private const string Source = """
        local clock = redis.call('TIME')
        local now = tonumber(clock[1]) * 1000000 + tonumber(clock[2])
        local slot = tonumber(redis.call('GET', KEYS[1]) or '0')
        if slot < now then slot = now end
        local wait = slot - now
        if wait > tonumber(ARGV[2]) then return -wait - 1 end
        local next = slot + tonumber(ARGV[1])
        redis.call('SET', KEYS[1], next, 'PX', math.floor((next - now) / 1000) + 2000)
        return wait
        """;

    private static readonly LuaScript Script = LuaScript.Prepare(Source.Replace("KEYS[1]", "@key").Replace("ARGV[1]", "@interval").Replace("ARGV[2]", "@maxWait"));

    /// <summary>The wait before the reserved slot, or null (with how long it would have been) when refused.</summary>
    public static async Task<(TimeSpan? Wait, TimeSpan Refused)> ReserveAsync(IDatabase database, string key, long intervalMicroseconds, long maxWaitMicroseconds)
        => Interpret((long)await database.ScriptEvaluateAsync(Script, new { key = (RedisKey)key, interval = intervalMicroseconds, maxWait = maxWaitMicroseconds }).ConfigureAwait(false));

    public static (TimeSpan? Wait, TimeSpan Refused) Reserve(IDatabase database, string key, long intervalMicroseconds, long maxWaitMicroseconds)
        => Interpret((long)database.ScriptEvaluate(Script, new { key = (RedisKey)key, interval = intervalMicroseconds, maxWait = maxWaitMicroseconds }));

    private static (TimeSpan? Wait, TimeSpan Refused) Interpret(long result)
        => result >= 0 ? (TimeSpan.FromTicks(result * 10), TimeSpan.Zero) : (null, TimeSpan.FromTicks((-result - 1) * 10));
}

using System;
using System.Threading.Tasks;
using StackExchange.Redis;

namespace VodGen.Redis;

/// <summary>
/// Reserves the next free slot of a shared pace in one atomic step on the Redis server's clock. The key holds the
/// earliest time (µs) of the next slot; a reservation takes <c>max(next, now)</c> and moves the key one interval on.
/// The answer is how long the caller must wait for its slot, or, negated, how long it would have had to wait when
/// that is more than it may; and the slot itself (µs on the Redis clock), so that the pace can be checked on the one
/// clock every process shares.
/// </summary>
internal static class RedisPacingScript
{
    private const string Source = """
        local clock = redis.call('TIME')
        local now = tonumber(clock[1]) * 1000000 + tonumber(clock[2])
        local slot = tonumber(redis.call('GET', KEYS[1]) or '0')
        if slot < now then slot = now end
        local wait = slot - now
        if wait > tonumber(ARGV[2]) then return { -wait - 1, 0 } end
        local next = slot + tonumber(ARGV[1])
        redis.call('SET', KEYS[1], next, 'PX', math.floor((next - now) / 1000) + 2000)
        return { wait, slot }
        """;

    private static readonly LuaScript Script = LuaScript.Prepare(Source.Replace("KEYS[1]", "@key").Replace("ARGV[1]", "@interval").Replace("ARGV[2]", "@maxWait"));

    /// <summary>The wait before the reserved slot, or null (with how long it would have been) when refused.</summary>
    public static async Task<RedisReservation> ReserveAsync(IDatabase database, string key, long intervalMicroseconds, long maxWaitMicroseconds)
        => Interpret(await database.ScriptEvaluateAsync(Script, new { key = (RedisKey)key, interval = intervalMicroseconds, maxWait = maxWaitMicroseconds }).ConfigureAwait(false));

    public static RedisReservation Reserve(IDatabase database, string key, long intervalMicroseconds, long maxWaitMicroseconds)
        => Interpret(database.ScriptEvaluate(Script, new { key = (RedisKey)key, interval = intervalMicroseconds, maxWait = maxWaitMicroseconds }));

    private static RedisReservation Interpret(RedisResult result)
    {
        var values = (long[]?)result;
        if (values is not [var wait, var slot])
        {
            throw new RedisException("The Redis pacing script answered with something other than a wait and a slot.");
        }

        return wait >= 0
            ? new(TimeSpan.FromTicks(wait * 10), TimeSpan.Zero, slot)
            : new(null, TimeSpan.FromTicks((-wait - 1) * 10), 0);
    }
}

/// <summary>One answer of the pacing script.</summary>
/// <param name="Wait">How long to wait for the reserved slot, or null when it would be longer than allowed.</param>
/// <param name="Refused">When refused: how long the wait would have been.</param>
/// <param name="SlotMicroseconds">When reserved: the slot's time on the Redis clock, in µs since the Unix epoch.</param>
internal readonly record struct RedisReservation(TimeSpan? Wait, TimeSpan Refused, long SlotMicroseconds);

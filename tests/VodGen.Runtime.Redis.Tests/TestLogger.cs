using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace VodGen.Runtime.Redis.Tests;

/// <summary>Keeps every entry, with its structured values, so that tests can read what the limiter decided.</summary>
internal sealed class TestLogger<T> : ILogger<T>
{
    public ConcurrentQueue<(LogLevel Level, string Message)> Entries { get; } = new();

    /// <summary>The Redis slots (µs on the Redis clock) the limiter reserved, in the order it logged them.</summary>
    public ConcurrentQueue<long> Slots { get; } = new();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        Entries.Enqueue((logLevel, formatter(state, exception)));
        if (state is IReadOnlyList<KeyValuePair<string, object?>> values && values.FirstOrDefault(v => v.Key == "SlotMicroseconds").Value is long slot)
        {
            Slots.Enqueue(slot);
        }
    }
}

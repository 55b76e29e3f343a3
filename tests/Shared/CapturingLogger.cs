using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace VodGen.Testing;

/// <summary>Keeps every log line (message and exception) at every level.</summary>
public sealed class CapturingLogger : ILogger
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => _lines.ToArray();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        => _lines.Enqueue(formatter(state, exception) + " " + exception + " " + string.Join(",", (state as IEnumerable<KeyValuePair<string, object?>>)?.Select(p => p.Key + "=" + p.Value) ?? Array.Empty<string>()));
}

/// <summary>Hands the same <see cref="CapturingLogger"/> to every category, for hosts that log through a factory.</summary>
public sealed class CapturingLoggerProvider(CapturingLogger logger) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => logger;

    public void Dispose()
    {
    }
}

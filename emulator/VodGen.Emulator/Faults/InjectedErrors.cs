using System.Collections.Concurrent;
using VodGen.Emulator.Gateway;

namespace VodGen.Emulator.Faults;

/// <summary>
/// Errors a test asked the emulator to answer for the next calls of an operation, for documented errors that
/// depend on account state the emulator does not model (for example an account whose setup failed).
/// </summary>
internal sealed class InjectedErrors
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<GatewayError>> _byAction = new(StringComparer.Ordinal);

    public void Add(string action, GatewayError error, int times)
    {
        var queue = _byAction.GetOrAdd(action, static _ => new ConcurrentQueue<GatewayError>());
        for (var i = 0; i < times; i++)
        {
            queue.Enqueue(error);
        }
    }

    public GatewayError? Take(string action)
        => _byAction.TryGetValue(action, out var queue) && queue.TryDequeue(out var error) ? error : null;
}

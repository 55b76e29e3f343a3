using System.Threading.Channels;
using VodGen.Server.Events;

namespace VodGen.AspNetCore.Callbacks;

/// <summary>Accepted events waiting for the handler: bounded, so that a stuck handler turns into 503s (VOD retries) rather than memory.</summary>
internal sealed class CallbackQueue(int capacity)
{
    private readonly Channel<VodEvent> _events = Channel.CreateBounded<VodEvent>(new BoundedChannelOptions(capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    public bool TryAdd(VodEvent vodEvent) => _events.Writer.TryWrite(vodEvent);

    public ChannelReader<VodEvent> Reader => _events.Reader;
}

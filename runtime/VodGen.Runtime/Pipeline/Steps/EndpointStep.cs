using System;
using System.Collections.Concurrent;
using System.Threading.Tasks;
using VodGen.GeneratedCode;

namespace VodGen.Pipeline.Steps;

/// <summary>
/// Decides where the call goes: the configured endpoint, or the spec's host for the client's region. A region the spec
/// does not list is refused before anything is sent, unless the client allows it (then nothing is cached).
/// </summary>
internal sealed class EndpointStep(string regionId, Uri? endpoint, bool allowUnlistedRegions) : VodPipelineStep
{
    private readonly ConcurrentDictionary<VodEndpointTable, string> _baseUris = new();

    // Made once: a method group passed on every call would allocate a delegate per call.
    private Func<VodEndpointTable, string>? _resolve;

    public override ValueTask OnSendingAsync(VodMessage message)
    {
        message.BaseUri ??= _baseUris.GetOrAdd(message.Operation.Endpoints, _resolve ??= Resolve);
        return default;
    }

    private string Resolve(VodEndpointTable table)
        => endpoint is { } fixedEndpoint
            ? fixedEndpoint.GetLeftPart(UriPartial.Authority) + "/"
            : table.Regions.Count > 0 && !table.Lists(regionId) && !allowUnlistedRegions
                ? throw new VodRegionNotListedException(regionId, table.Product, table.Regions)
                : "https://" + table.GetHost(regionId) + "/";
}

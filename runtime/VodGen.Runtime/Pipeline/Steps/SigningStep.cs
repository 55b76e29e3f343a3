using System;
using System.Threading.Tasks;
using VodGen.Signing;

namespace VodGen.Pipeline.Steps;

/// <summary>Signs each attempt afresh (new nonce and timestamp) with V1 or V3 and builds its HTTP request.</summary>
internal sealed class SigningStep(VodSignatureVersion version, TimeProvider clock) : VodPipelineStep
{
    public override ValueTask OnSendingAsync(VodMessage message)
    {
        message.SentTimestamp = clock.GetTimestamp();
        var stamp = VodRequestStamp.Create(message.Credentials!, message.Operation, clock);
        message.Request = message.CreateRequest(stamp, version, message.BaseUri!);
        return default;
    }
}

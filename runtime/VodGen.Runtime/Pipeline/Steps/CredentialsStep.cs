using System;
using System.Threading.Tasks;

namespace VodGen.Pipeline.Steps;

/// <summary>Gets the credentials for each attempt, so that a renewed credential is used as soon as the provider has it.</summary>
internal sealed class CredentialsStep(IVodCredentialsProvider provider) : VodPipelineStep
{
    public override ValueTask OnSendingAsync(VodMessage message)
    {
        var pending = provider.GetCredentialsAsync(message.AttemptCancellation);
        if (pending.IsCompletedSuccessfully)
        {
            message.Credentials = Checked(pending.Result);
            return default;
        }

        return AwaitAsync(pending, message);
    }

    private async ValueTask AwaitAsync(ValueTask<VodCredentials> pending, VodMessage message)
        => message.Credentials = Checked(await pending.ConfigureAwait(false));

    private VodCredentials Checked(VodCredentials? credentials)
        => credentials ?? throw new InvalidOperationException($"The credentials provider {provider.GetType().Name} returned null; an IVodCredentialsProvider must return credentials or throw.");
}

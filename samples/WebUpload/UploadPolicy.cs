using VodGen.AspNetCore.Uploads;
using VodGen.Server.Events;

namespace WebUpload;

/// <summary>The sample's rules: every upload carries its uploader in UserData's Extend, so that its events say whose it is.</summary>
public sealed class UploadPolicy : IVodUploadPolicy
{
    public const string UploaderKey = "uploader";

    public ValueTask<VodUploadDecision> DecideAsync(VodUploadProposal proposal, CancellationToken cancellationToken)
    {
        var userData = new VodUserData();
        userData.Extend[UploaderKey] = proposal.UserId;
        proposal.UserData = userData.ToJson();
        return ValueTask.FromResult(VodUploadDecision.Allow);
    }
}

using System.Threading;
using System.Threading.Tasks;

namespace VodGen.AspNetCore.Uploads;

/// <summary>
/// Decides what a user may create, after the built-in checks of <see cref="VodUploadEndpointOptions"/> (extensions,
/// declared size) and before anything is sent to VOD. Register one in the container (scoped or singleton); it may also
/// change the proposal (a template group, a category, UserData with a callback URL).
/// </summary>
public interface IVodUploadPolicy
{
    /// <summary>Allows or refuses <paramref name="proposal"/>.</summary>
    ValueTask<VodUploadDecision> DecideAsync(VodUploadProposal proposal, CancellationToken cancellationToken);
}

/// <summary>A policy's answer: allowed, or refused with a reason the user may read.</summary>
public readonly record struct VodUploadDecision
{
    private VodUploadDecision(string? refusal) => Refusal = refusal;

    /// <summary>Allowed.</summary>
    public static VodUploadDecision Allow { get; } = new(null);

    /// <summary>Why it was refused (shown to the user in the problem details: say nothing secret); null when allowed.</summary>
    public string? Refusal { get; }

    /// <summary>Refused, with <paramref name="reason"/> for the user.</summary>
    public static VodUploadDecision Refuse(string reason)
        => new(string.IsNullOrWhiteSpace(reason) ? throw new System.ArgumentException("Say why the upload is refused.", nameof(reason)) : reason);
}

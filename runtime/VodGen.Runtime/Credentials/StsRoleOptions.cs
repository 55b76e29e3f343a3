using System;
using System.Collections.Generic;
using System.Globalization;

namespace VodGen.Credentials;

/// <summary>What every STS role session takes: the role, the session's name, length and policy, and where STS is.</summary>
public abstract class StsRoleOptions
{
    /// <summary>The shortest session STS grants, in seconds.</summary>
    public const int MinimumDurationSeconds = 900;

    /// <summary>The role to assume, <c>acs:ram::&lt;account&gt;:role/&lt;name&gt;</c>.</summary>
    public string? RoleArn { get; set; }

    /// <summary>The session's name, shown in the account's audit logs; default <c>ALIBABA_CLOUD_ROLE_SESSION_NAME</c>, else <c>vodgen-&lt;time&gt;</c>.</summary>
    public string? RoleSessionName { get; set; }

    /// <summary>How long each credential lasts, in seconds (default 3600, at least 900).</summary>
    public int DurationSeconds { get; set; } = 3600;

    /// <summary>A policy that narrows the role's permissions for this session (JSON), or null.</summary>
    public string? Policy { get; set; }

    /// <summary>
    /// STS's address; default <c>ALIBABA_CLOUD_STS_ENDPOINT</c>, else by <see cref="StsRegion"/>, else <c>sts.aliyuncs.com</c>.
    /// A host name (HTTPS), or for local testing only an <c>http://</c> URL on a loopback address.
    /// </summary>
    public string? StsEndpoint { get; set; }

    /// <summary>The region whose STS endpoint to use; default <c>ALIBABA_CLOUD_STS_REGION</c>.</summary>
    public string? StsRegion { get; set; }

    /// <summary>Use the region's VPC endpoint (<c>sts-vpc.&lt;region&gt;.aliyuncs.com</c>); default <c>ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED</c>.</summary>
    public bool? EnableVpcEndpoint { get; set; }

    // Checks what every role session needs, and writes the parameters STS takes for it.
    internal Dictionary<string, string?> SessionParameters(string optionsName, Func<string, string?> environment, TimeProvider clock)
    {
        if (string.IsNullOrWhiteSpace(RoleArn))
        {
            throw new ArgumentException($"{optionsName}.RoleArn is required.");
        }

        if (DurationSeconds < MinimumDurationSeconds)
        {
            throw new ArgumentException($"{optionsName}.DurationSeconds is {DurationSeconds}; STS grants at least {MinimumDurationSeconds} seconds.");
        }

        var session = RoleSessionName ?? environment(CredentialVariables.RoleSessionName);
        return new(StringComparer.Ordinal)
        {
            ["RoleArn"] = RoleArn.Trim(),
            ["RoleSessionName"] = string.IsNullOrWhiteSpace(session) ? "vodgen-" + clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) : session.Trim(),
            ["DurationSeconds"] = DurationSeconds.ToString(CultureInfo.InvariantCulture),
            ["Policy"] = Policy,
        };
    }

    internal StsClient Sts(Func<string, string?> environment, TimeProvider clock, System.Net.Http.HttpClient? http)
        => new(StsClient.ResolveEndpoint(StsEndpoint, StsRegion, EnableVpcEndpoint, environment), clock, http);
}

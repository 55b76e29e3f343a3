using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using VodGen.Security;
using VodGen.Signing;
using VodGen.Transport;

namespace VodGen.Credentials;

/// <summary>
/// Calls STS (<c>2015-04-01</c>) with VodGen's own V1 signing, request stamp, HTTP handler configuration and error
/// reading: <c>AssumeRole</c> signed with a source credential, <c>AssumeRoleWithOIDC</c> unsigned (the OIDC token is the
/// proof). Errors carry STS's Code, Message and RequestId, with any echoed secret masked.
/// </summary>
internal sealed class StsClient
{
    private const string Version = "2015-04-01";
    private readonly Uri _endpoint;
    private readonly TimeProvider _clock;
    private readonly HttpClient _http;
    private readonly TimeSpan _timeout;

    public StsClient(Uri endpoint, TimeProvider clock, HttpClient? http = null, TimeSpan? timeout = null)
    {
        _endpoint = endpoint;
        _clock = clock;
        _http = http ?? CredentialsHttp.Client;
        _timeout = timeout ?? TimeSpan.FromSeconds(10);
    }

    public Uri Endpoint => _endpoint;

    /// <summary>
    /// The STS endpoint: <paramref name="configured"/> (an option), else <c>ALIBABA_CLOUD_STS_ENDPOINT</c>, else
    /// <c>sts[-vpc].&lt;region&gt;.aliyuncs.com</c> with <c>ALIBABA_CLOUD_STS_REGION</c> (and
    /// <c>ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED</c>), else <c>sts.aliyuncs.com</c>.
    /// </summary>
    public static Uri ResolveEndpoint(string? configured, string? configuredRegion, bool? configuredVpc, Func<string, string?> environment)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return CredentialEndpoint.Parse(configured, "the STS endpoint option");
        }

        if (environment(CredentialVariables.StsEndpoint) is { Length: > 0 } fromEnvironment)
        {
            return CredentialEndpoint.Parse(fromEnvironment, CredentialVariables.StsEndpoint);
        }

        var region = string.IsNullOrWhiteSpace(configuredRegion) ? environment(CredentialVariables.StsRegion)?.Trim() : configuredRegion.Trim();
        if (string.IsNullOrEmpty(region))
        {
            return new Uri("https://sts.aliyuncs.com/");
        }

        if (!region.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            throw new ArgumentException($"The STS region '{region}' is not a region ID (such as cn-hangzhou).");
        }

        var vpc = configuredVpc ?? CredentialVariables.IsTrue(environment(CredentialVariables.VpcEndpointEnabled));
        return new Uri($"https://sts{(vpc ? "-vpc" : string.Empty)}.{region}.aliyuncs.com/");
    }

    /// <summary>AssumeRole, V1-signed with <paramref name="source"/> (its token sent when it has one).</summary>
    public Task<VodTemporaryCredentials> AssumeRoleAsync(VodCredentials source, IReadOnlyDictionary<string, string?> parameters, string description, CancellationToken cancellationToken)
        => CallAsync("AssumeRole", parameters, source, description, cancellationToken);

    /// <summary>AssumeRoleWithOIDC, unsigned.</summary>
    public Task<VodTemporaryCredentials> AssumeRoleWithOidcAsync(IReadOnlyDictionary<string, string?> parameters, string description, CancellationToken cancellationToken)
        => CallAsync("AssumeRoleWithOIDC", parameters, null, description, cancellationToken);

    private async Task<VodTemporaryCredentials> CallAsync(string action, IReadOnlyDictionary<string, string?> parameters, VodCredentials? signer, string description, CancellationToken cancellationToken)
    {
        var form = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["Action"] = action,
            ["Format"] = "JSON",
            ["Version"] = Version,
            ["Timestamp"] = VodRequestStamp.FormatTimestamp(_clock.GetUtcNow()),
            ["SignatureNonce"] = VodNonce.Next(),
        };
        foreach (var (name, value) in parameters)
        {
            if (!string.IsNullOrEmpty(value))
            {
                form[name] = value;
            }
        }

        if (signer is not null)
        {
            form["AccessKeyId"] = signer.AccessKeyId;
            form["SignatureMethod"] = "HMAC-SHA1";
            form["SignatureVersion"] = "1.0";
            if (signer.SecurityToken is { } token)
            {
                form["SecurityToken"] = token;
            }
        }

        var canonical = string.Join('&', form.Select(p => VodPercentEncoding.Encode(p.Key) + "=" + VodPercentEncoding.Encode(p.Value)));
        var body = signer is null ? canonical : canonical + "&Signature=" + VodPercentEncoding.Encode(VodSignatureV1.Sign("POST", canonical, signer.AccessKeySecret));
        using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint)
        {
            Content = new StringContent(body, Encoding.ASCII, "application/x-www-form-urlencoded"),
        };

        var where = $"{description} (STS {action} at {_endpoint.Host})";
        (int Status, byte[] Body) answer;
        try
        {
            answer = await CredentialsHttp.SendAsync(_http, request, _timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is HttpRequestException or TimeoutException or IOException or VodException)
        {
            throw new VodCredentialsException(description, $"No credentials from {where}: STS could not be reached ({exception.Message}).", exception);
        }

        if (answer.Status != 200)
        {
            var error = VodResponseReader.ReadError(action, (HttpStatusCode)answer.Status, null, answer.Body, VodSecretRedactor.For(signer));
            var detail = error is VodServiceException service
                ? $"STS refused with {service.Code}: {service.ServiceMessage} (request {service.RequestId})"
                : $"STS answered HTTP {answer.Status}: {error.Message}";
            throw new VodCredentialsException(description, $"No credentials from {where}: {detail}.", error);
        }

        return CredentialAnswer.Read(answer.Body, where, container: "Credentials", codeRequired: false);
    }
}

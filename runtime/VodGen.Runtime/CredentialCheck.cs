using System;

namespace VodGen;

/// <summary>Builds credentials read from a source, turning a value that cannot be sent into an error naming the source.</summary>
internal static class CredentialCheck
{
    /// <summary>
    /// The credentials, or an <see cref="InvalidOperationException"/> that names where the bad value came from:
    /// <paramref name="idSource"/> or <paramref name="tokenSource"/> (such as an environment variable or a file key).
    /// </summary>
    public static VodCredentials Create(string id, string secret, string? token, string idSource, string tokenSource)
    {
        try
        {
            return new VodCredentials(id, secret, token);
        }
        catch (ArgumentException exception)
        {
            var source = exception.ParamName == "securityToken" ? tokenSource : idSource;
            var detail = exception.Message.Replace($" (Parameter '{exception.ParamName}')", string.Empty, StringComparison.Ordinal);
            throw new InvalidOperationException($"The credentials in {source} cannot be used: {detail} Correct the value where it is set.");
        }
    }
}

using System;

namespace VodGen.Credentials;

/// <summary>A temporary credential (an STS token and its key pair) and the moment it stops being accepted.</summary>
public sealed class VodTemporaryCredentials
{
    /// <summary>Pairs credentials with their expiration.</summary>
    public VodTemporaryCredentials(VodCredentials credentials, DateTimeOffset expiration)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        Credentials = credentials;
        Expiration = expiration;
    }

    /// <summary>The key pair and token to sign with.</summary>
    public VodCredentials Credentials { get; }

    /// <summary>When the service stops accepting them (UTC).</summary>
    public DateTimeOffset Expiration { get; }

    /// <inheritdoc/>
    public override string ToString() => $"VodTemporaryCredentials {{ {Credentials}, Expiration = {Expiration:O} }}";
}

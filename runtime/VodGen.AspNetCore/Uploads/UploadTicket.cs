using System;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace VodGen.AspNetCore.Uploads;

/// <summary>
/// The proof that an upload was started through the create endpoint, by whom and when: encrypted and signed with ASP.NET
/// Core Data Protection, held by the page, shown again to renew the credential. No server state: a fleet shares its key ring.
/// </summary>
internal sealed class UploadTicket(IDataProtectionProvider provider, TimeProvider clock)
{
    private const string Version = "1";
    private readonly IDataProtector _protector = provider.CreateProtector("VodGen.AspNetCore.Uploads.Ticket.v1");

    public string Issue(VodUploadKind kind, string mediaId, string userId, DateTimeOffset issuedAt)
        => _protector.Protect(string.Join('\n', Version, kind.ToString(), mediaId, userId, issuedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));

    /// <summary>Now, on the endpoints' clock.</summary>
    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>When the ticket was issued: read again from a ticket already checked.</summary>
    public DateTimeOffset IssuedAt(string ticket)
        => DateTimeOffset.FromUnixTimeSeconds(long.Parse(_protector.Unprotect(ticket).Split('\n')[4], NumberStyles.None, CultureInfo.InvariantCulture));

    /// <summary>Why the ticket does not allow <paramref name="userId"/> to renew <paramref name="mediaId"/>'s credential, or null when it does.</summary>
    public (int Status, string Title, string Detail)? Check(string? ticket, string mediaId, string userId, TimeSpan window)
    {
        if (string.IsNullOrEmpty(ticket))
        {
            return (400, "No upload ticket", "The refresh needs the ticket the create endpoint answered with.");
        }

        string[] fields;
        try
        {
            fields = _protector.Unprotect(ticket).Split('\n');
        }
        catch (CryptographicException)
        {
            return (403, "Invalid upload ticket", "The ticket was not issued by this application (or its keys were replaced).");
        }

        if (fields.Length != 5 || fields[0] != Version || fields[1] != nameof(VodUploadKind.Video) || !long.TryParse(fields[4], NumberStyles.None, CultureInfo.InvariantCulture, out var issued))
        {
            return (403, "Invalid upload ticket", "The ticket is not a video upload ticket of this version.");
        }

        // Neither another user's ID nor the ticket's video is said: the caller learns only that it is not theirs.
        if (!string.Equals(fields[3], userId, StringComparison.Ordinal) || !string.Equals(fields[2], mediaId, StringComparison.Ordinal))
        {
            return (403, "Not your upload", "The ticket does not belong to this user and video.");
        }

        var age = clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(issued);
        return age > window
            ? (403, "Upload too old", $"The upload was started more than {window.TotalHours:0.##} hours ago; start a new one.")
            : null;
    }
}

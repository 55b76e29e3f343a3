using System;
using System.Net;

namespace VodGen.Upload;

/// <summary>
/// The upload failed at the storage service, or its data did not check out. Names the storage error code, the
/// request, the part and the video; never a credential.
/// </summary>
public sealed class VodUploadException : VodException
{
    /// <summary>Creates the exception.</summary>
    public VodUploadException(string message, string videoId, string? storageCode = null, string? requestId = null, int? partNumber = null, HttpStatusCode? statusCode = null, Exception? innerException = null)
        : base(message, innerException)
    {
        VideoId = videoId;
        StorageCode = storageCode;
        RequestId = requestId;
        PartNumber = partNumber;
        StatusCode = statusCode;
    }

    /// <summary>The video being uploaded.</summary>
    public string VideoId { get; }

    /// <summary>The storage service's error code (such as <c>NoSuchUpload</c>), when it answered with one.</summary>
    public string? StorageCode { get; }

    /// <summary>The storage request's ID (<c>x-oss-request-id</c>), to quote when asking for support.</summary>
    public string? RequestId { get; }

    /// <summary>The part concerned, for a part's failure.</summary>
    public int? PartNumber { get; }

    /// <summary>The HTTP status of the storage's answer, when there was one.</summary>
    public HttpStatusCode? StatusCode { get; }
}

namespace VodGen.AspNetCore.Uploads;

/// <summary>What an upload creates in VOD.</summary>
public enum VodUploadKind
{
    /// <summary>A video (<c>CreateUploadVideo</c>; renewed with <c>RefreshUploadVideo</c>).</summary>
    Video,

    /// <summary>An image (<c>CreateUploadImage</c>).</summary>
    Image,

    /// <summary>An auxiliary file: a watermark, subtitles, material (<c>CreateUploadAttachedMedia</c>).</summary>
    AttachedMedia,
}

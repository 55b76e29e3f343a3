using System.Collections.Generic;

namespace VodGen.Upload.Engine;

/// <summary>
/// A checkpoint is read back from a store the user owns: every value is checked before the upload relies on it, and
/// a broken one is refused with the field that is wrong instead of failing somewhere in the middle of the upload.
/// </summary>
internal static class CheckpointRules
{
    /// <exception cref="VodUploadException">The checkpoint cannot be this video's (code <c>CheckpointInvalid</c>).</exception>
    public static void Validate(VodUploadCheckpoint checkpoint, string videoId, string where)
    {
        string? Problem()
        {
            if (checkpoint.VideoId != videoId)
            {
                return $"VideoId is '{checkpoint.VideoId}'";
            }

            if (string.IsNullOrEmpty(checkpoint.UploadId) || string.IsNullOrEmpty(checkpoint.Bucket) || string.IsNullOrEmpty(checkpoint.Key))
            {
                return "UploadId, Bucket or Key is empty";
            }

            if (checkpoint.PartSize is < VodUploadOptions.MinimumPartSize or > VodUploadOptions.MaximumPartSize)
            {
                return $"PartSize {checkpoint.PartSize} is outside {VodUploadOptions.MinimumPartSize} to {VodUploadOptions.MaximumPartSize}";
            }

            if (checkpoint.TotalBytes <= checkpoint.PartSize || checkpoint.TotalBytes > checkpoint.PartSize * VodUploadOptions.MaximumParts)
            {
                return $"TotalBytes {checkpoint.TotalBytes} does not make 2 to {VodUploadOptions.MaximumParts} parts of {checkpoint.PartSize} bytes";
            }

            if (checkpoint.Parts is null)
            {
                return "Parts is missing";
            }

            var plan = new PartPlan(checkpoint.TotalBytes, checkpoint.PartSize, VodUploadOptions.MaximumParts);
            var seen = new HashSet<int>();
            for (var i = 0; i < checkpoint.Parts.Count; i++)
            {
                if (checkpoint.Parts[i] is not { } part)
                {
                    return $"Parts[{i}] is null";
                }

                if (part.PartNumber < 1 || part.PartNumber > plan.Total || !seen.Add(part.PartNumber))
                {
                    return $"Parts[{i}].PartNumber {part.PartNumber} is not a distinct number from 1 to {plan.Total}";
                }

                if (part.Size != plan.ExpectedSizeOf(part.PartNumber))
                {
                    return $"Parts[{i}].Size {part.Size} is not the {plan.ExpectedSizeOf(part.PartNumber)} bytes part {part.PartNumber} has";
                }

                if (string.IsNullOrEmpty(part.ETag))
                {
                    return $"Parts[{i}].ETag is empty";
                }
            }

            return null;
        }

        if (Problem() is { } problem)
        {
            throw new VodUploadException(
                $"The upload checkpoint of video {videoId} in {where} is not valid ({problem}); delete it and upload the file again.",
                videoId,
                "CheckpointInvalid");
        }
    }
}

using VodGen.Server.Events;
using VodGen.Server.Queues;

namespace Quickstart;

/// <summary>Waits for a video's events on an MNS queue, as an application's consumer would, instead of polling the API.</summary>
internal static class EventWait
{
    /// <summary>Reads the queue until <paramref name="videoId"/>'s TranscodeComplete arrives; prints each of its events and deletes it once shown.</summary>
    /// <returns>The TranscodeComplete event, or null when it did not come within <paramref name="timeout"/>.</returns>
    public static async Task<VodTranscodeComplete?> UntilTranscodedAsync(VodMnsQueue queue, string videoId, TextWriter output, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            foreach (var message in await queue.ReceiveAsync(16, TimeSpan.FromSeconds(5), cancellationToken))
            {
                VodEvent vodEvent;
                try
                {
                    vodEvent = message.ReadEvent();
                }
                catch (VodEventFormatException e)
                {
                    output.WriteLine($"   skipped        message {message.MessageId}: {e.Message}");
                    continue;
                }

                // Another video's event (a queue can be shared): left for whoever handles it; it comes back after its visibility timeout.
                if (vodEvent.VideoId != videoId)
                {
                    continue;
                }

                output.WriteLine($"   event          {Describe(vodEvent)}");
                await queue.DeleteAsync(message, cancellationToken);
                if (vodEvent is VodTranscodeComplete transcoded)
                {
                    return transcoded;
                }
            }
        }

        return null;
    }

    private static string Describe(VodEvent e) => e switch
    {
        VodFileUploadComplete u => $"FileUploadComplete       {u.Size:N0} bytes stored",
        VodVideoAnalysisComplete a => $"VideoAnalysisComplete    {a.Width}x{a.Height}, {a.Duration:0.#} s, {a.Status}",
        VodStreamTranscodeComplete s => $"StreamTranscodeComplete  {s.Stream.Definition} {s.Stream.Format} {s.Status}",
        VodTranscodeComplete t => $"TranscodeComplete        {t.StreamInfos.Count} stream(s), {t.Status}",
        _ => e.EventType,
    };
}

using System;

namespace VodGen.AspNetCore.Queues;

/// <summary>Where the MNS consumer reads VOD's events from, and how.</summary>
public sealed class VodMnsConsumerOptions
{
    /// <summary>The queue service's endpoint, as <c>MnsEndpoint</c> in <c>SetMessageCallback</c> (<c>https://{account}.mns.{region}.aliyuncs.com/</c>).</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The queue, as <c>MnsQueueName</c> in <c>SetMessageCallback</c>.</summary>
    public string? QueueName { get; set; }

    /// <summary>How long one receive waits for a message (long polling), 1 to 30 seconds; 20 by default.</summary>
    public TimeSpan WaitTime { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How many messages one receive takes, 1 to 16; 16 by default. They are handled one at a time, in order.</summary>
    public int BatchSize { get; set; } = 16;

    /// <summary>The longest pause after failures (throttling, server errors, no network), which double from 1 second; 60 s by default.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The signing key's source; null: the <c>VodClient</c>'s (<c>VodClientOptions.Credentials</c>), else the default chain.</summary>
    public IVodCredentialsProvider? Credentials { get; set; }

    /// <summary>What is wrong with the options, or null.</summary>
    internal string? Problem()
        => VodGen.Server.Queues.VodMnsQueue.Problem(Endpoint, QueueName)
            ?? (WaitTime < TimeSpan.FromSeconds(1) || WaitTime > TimeSpan.FromSeconds(30) ? "WaitTime must be from 1 to 30 seconds"
            : BatchSize is < 1 or > 16 ? "BatchSize must be from 1 to 16"
            : MaxRetryDelay < TimeSpan.FromSeconds(1) ? "MaxRetryDelay must be at least 1 second"
            : null);
}

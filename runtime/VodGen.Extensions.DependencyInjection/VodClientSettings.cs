using System;
using System.Collections.Generic;
using VodGen.Throttling;

namespace VodGen;

/// <summary>
/// The configuration section (<c>Vod</c> by default) bound to <see cref="VodClientOptions"/>. Only plain values live
/// in configuration; credentials, loggers and limiters come from code or the container.
/// </summary>
public sealed class VodClientSettings
{
    /// <summary>See <see cref="VodClientOptions.RegionId"/>.</summary>
    public string? RegionId { get; set; }

    /// <summary>See <see cref="VodClientOptions.Endpoint"/>.</summary>
    public string? Endpoint { get; set; }

    /// <summary>See <see cref="VodClientOptions.SignatureVersion"/>.</summary>
    public VodSignatureVersion? SignatureVersion { get; set; }

    /// <summary>See <see cref="VodClientOptions.Timeout"/>.</summary>
    public TimeSpan? Timeout { get; set; }

    /// <summary>See <see cref="VodClientOptions.MaxResponseBytes"/>.</summary>
    public int? MaxResponseBytes { get; set; }

    /// <summary>See <see cref="VodClientOptions.AllowUnlistedRegions"/>.</summary>
    public bool? AllowUnlistedRegions { get; set; }

    /// <summary>See <see cref="VodClientOptions.Throttling"/>.</summary>
    public ThrottlingSettings Throttling { get; set; } = new();

    /// <summary>See <see cref="VodClientOptions.Retry"/>.</summary>
    public RetrySettings Retry { get; set; } = new();

    /// <summary>The throttling part of the section.</summary>
    public sealed class ThrottlingSettings
    {
        /// <summary>See <see cref="VodThrottlingOptions.Mode"/>.</summary>
        public VodThrottlingMode? Mode { get; set; }

        /// <summary>See <see cref="VodThrottlingOptions.QueueLimit"/>.</summary>
        public int? QueueLimit { get; set; }

        /// <summary>See <see cref="VodThrottlingOptions.MaxWait"/>.</summary>
        public TimeSpan? MaxWait { get; set; }

        /// <summary>See <see cref="VodThrottlingOptions.Headroom"/>.</summary>
        public double? Headroom { get; set; }

        /// <summary>See <see cref="VodThrottlingOptions.Limits"/>.</summary>
        public Dictionary<string, int> Limits { get; set; } = new(StringComparer.Ordinal);
    }

    /// <summary>The retry part of the section.</summary>
    public sealed class RetrySettings
    {
        /// <summary>See <see cref="VodRetryOptions.MaxRetryAttempts"/>.</summary>
        public int? MaxRetryAttempts { get; set; }

        /// <summary>See <see cref="VodRetryOptions.BaseDelay"/>.</summary>
        public TimeSpan? BaseDelay { get; set; }

        /// <summary>See <see cref="VodRetryOptions.MaxDelay"/>.</summary>
        public TimeSpan? MaxDelay { get; set; }
    }

    /// <summary>Copies the values that are set onto <paramref name="options"/>.</summary>
    /// <exception cref="ArgumentException">Endpoint is not an absolute URI.</exception>
    public void ApplyTo(VodClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.RegionId = RegionId ?? options.RegionId;
        if (!string.IsNullOrWhiteSpace(Endpoint))
        {
            options.Endpoint = Uri.TryCreate(Endpoint, UriKind.Absolute, out var endpoint)
                ? endpoint
                : throw new ArgumentException($"Vod:Endpoint must be an absolute URI; '{Endpoint}' is not.", nameof(Endpoint));
        }

        options.SignatureVersion = SignatureVersion ?? options.SignatureVersion;
        options.AllowUnlistedRegions = AllowUnlistedRegions ?? options.AllowUnlistedRegions;
        options.Timeout = Timeout ?? options.Timeout;
        options.MaxResponseBytes = MaxResponseBytes ?? options.MaxResponseBytes;
        options.Throttling.Mode = Throttling.Mode ?? options.Throttling.Mode;
        options.Throttling.QueueLimit = Throttling.QueueLimit ?? options.Throttling.QueueLimit;
        options.Throttling.MaxWait = Throttling.MaxWait ?? options.Throttling.MaxWait;
        options.Throttling.Headroom = Throttling.Headroom ?? options.Throttling.Headroom;
        foreach (var (action, limit) in Throttling.Limits)
        {
            options.Throttling.Limits[action] = limit;
        }

        options.Retry.MaxRetryAttempts = Retry.MaxRetryAttempts ?? options.Retry.MaxRetryAttempts;
        options.Retry.BaseDelay = Retry.BaseDelay ?? options.Retry.BaseDelay;
        options.Retry.MaxDelay = Retry.MaxDelay ?? options.Retry.MaxDelay;
    }
}

using Omnichannel.Channels.Model;

namespace Omnichannel.Channels.Ingestion;

/// <summary>What an authentic payload holds: orders, references to orders to fetch, or nothing to do.</summary>
public sealed record WebhookContent
{
    public IReadOnlyList<CanonicalOrder> Orders { get; init; } = [];

    /// <summary>Channel order ids named by a thin notification; forwarded as <see cref="OrderEventKind.Reference"/>.</summary>
    public IReadOnlyList<string> References { get; init; } = [];

    /// <summary>Why nothing is forwarded (a ping, a topic the hub does not use); null when something is.</summary>
    public string? IgnoredBecause { get; init; }

    public static WebhookContent Of(params CanonicalOrder[] orders) => new() { Orders = orders };

    public static WebhookContent Referencing(params string[] channelOrderIds) => new() { References = channelOrderIds };

    public static WebhookContent Ignore(string reason) => new() { IgnoredBecause = reason };
}

using Omnichannel.Channels.Ingestion;

namespace Omnichannel.Channels.Storage;

/// <summary>
/// How a received payload is archived (one JSON blob): the raw body as base64, so its bytes and therefore its
/// signature survive exactly, with the headers (secret-bearing ones removed) and the receive time.
/// </summary>
/// <param name="Channel">Channel name.</param>
/// <param name="Store">Store name.</param>
/// <param name="Source">Where it came from: <see cref="FromWebhook"/>, <see cref="FromPoll"/> or <see cref="FromFetch"/>.</param>
/// <param name="ReceivedAt">When the hub received it.</param>
/// <param name="Url">Request URL (webhooks) or the polled URL.</param>
/// <param name="Headers">Request headers minus secrets; names compare case-insensitively after a round trip too.</param>
/// <param name="Body">Raw body bytes.</param>
public sealed record ArchivedPayload(
    string Channel,
    string Store,
    string Source,
    DateTimeOffset ReceivedAt,
    string Url,
    HeaderMap Headers,
    byte[] Body)
{
    public const string FromWebhook = "webhook";

    public const string FromPoll = "poll";

    /// <summary>An order fetched by id after a thin notification.</summary>
    public const string FromFetch = "fetch";
}

using System.Text;

namespace Omnichannel.Channels.Ingestion;

/// <summary>
/// One webhook request as it arrived: the raw body bytes (signatures are computed over them, never over
/// re-serialised JSON), its headers and the time the hub received it.
/// </summary>
/// <param name="Channel">Channel name from the route, lower case.</param>
/// <param name="Store">Store name from the route, <c>default</c> when the route has none.</param>
/// <param name="ReceivedAt">When the hub received it.</param>
/// <param name="Url">The full request URL as the channel called it (Square-style signatures cover it).</param>
/// <param name="Headers">Request headers, case-insensitive names.</param>
/// <param name="Body">The raw body.</param>
public sealed record WebhookDelivery(
    string Channel,
    string Store,
    DateTimeOffset ReceivedAt,
    string Url,
    HeaderMap Headers,
    ReadOnlyMemory<byte> Body)
{
    /// <summary>A delivery whose headers come as any dictionary: they are copied into a <see cref="HeaderMap"/>, so names still compare case-insensitively.</summary>
    public WebhookDelivery(string channel, string store, DateTimeOffset receivedAt, string url, IReadOnlyDictionary<string, string> headers, ReadOnlyMemory<byte> body)
        : this(channel, store, receivedAt, url, HeaderMap.From(headers), body)
    {
    }

    /// <summary>The value of header <paramref name="name"/> (any case); null when it is missing or empty.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    public string BodyText() => Encoding.UTF8.GetString(Body.Span);
}

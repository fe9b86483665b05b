using System.Text.Json;

namespace Omnichannel.Channels.Outbound;

/// <summary>Reads of one thing (a listing's stock, an order): a thing the channel does not know is null, not an error.</summary>
public static class ChannelReadExtensions
{
    /// <summary>GETs <paramref name="path"/>: the answer's raw bytes; null on 404, <see cref="ChannelApiException"/> on any other failure.</summary>
    public static async Task<byte[]?> TryGetAsync(this ChannelRequest request, string operation, string path, Action<HttpRequestMessage>? configure = null)
    {
        try
        {
            return await request.SendAsync(operation, HttpMethod.Get, path, null, idempotent: true, configure);
        }
        catch (ChannelApiException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>As <see cref="TryGetAsync"/>, parsed; null also for an empty answer.</summary>
    public static async Task<JsonDocument?> TryGetJsonAsync(this ChannelRequest request, string operation, string path, Action<HttpRequestMessage>? configure = null) =>
        await request.TryGetAsync(operation, path, configure) is { } bytes ? ChannelRequestExtensions.ParseAnswer(bytes) : null;

    /// <summary>The whole, non-negative number at the end of <paramref name="names"/>, or null when a step is missing or null.</summary>
    public static int? Quantity(this JsonElement element, params string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        foreach (var name in names)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
            {
                return null;
            }
        }

        return element.ValueKind switch
        {
            JsonValueKind.Number when element.TryGetInt32(out var n) => n,
            JsonValueKind.String when int.TryParse(element.GetString(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) => n,
            _ => null,
        };
    }
}

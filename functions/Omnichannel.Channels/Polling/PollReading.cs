using System.Globalization;
using System.Text.Json;
using Omnichannel.Channels.Outbound;

namespace Omnichannel.Channels.Polling;

/// <summary>GET helpers for pollers: the raw bytes (to archive) and the parsed JSON of one response.</summary>
public static class PollReading
{
    public static async Task<(byte[] Body, JsonDocument Json)> GetAsync(ChannelRequest request, string operation, string path, Action<HttpRequestMessage>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var bytes = await request.SendAsync(operation, HttpMethod.Get, path, null, idempotent: true, configure);
        return (bytes, JsonDocument.Parse(bytes));
    }

    public static string Iso(DateTimeOffset value) =>
        Uri.EscapeDataString(value.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));

    public static string Path(string path, params (string Name, string? Value)[] query) =>
        path + "?" + string.Join("&", query.Where(q => q.Value is not null).Select(q => $"{q.Name}={q.Value}"));
}

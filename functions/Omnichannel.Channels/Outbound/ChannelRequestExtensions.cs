using System.Net.Http.Json;
using System.Text.Json;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Timeout;

namespace Omnichannel.Channels.Outbound;

/// <summary>Sends one channel API call and turns every failure into a <see cref="ChannelApiException"/>.</summary>
public static class ChannelRequestExtensions
{
    /// <summary>Sends JSON (an object to serialise, raw bytes, or nothing) to <c>BaseUrl + path</c>; returns the parsed JSON answer, or null when empty.</summary>
    public static async Task<JsonDocument?> SendJsonAsync(
        this ChannelRequest request,
        string operation,
        HttpMethod method,
        string path,
        object? body,
        bool idempotent,
        Action<HttpRequestMessage>? configure = null,
        string mediaType = "application/json")
    {
        return ParseAnswer(await request.SendAsync(operation, method, path, body, idempotent, configure, mediaType));
    }

    /// <summary>The JSON of an answer; null when it is empty or only whitespace.</summary>
    internal static JsonDocument? ParseAnswer(byte[] bytes) =>
        bytes.Length == 0 || bytes.All(b => b is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t') ? null : JsonDocument.Parse(bytes);

    /// <summary>
    /// As <see cref="SendJsonAsync"/>, returning the answer's raw bytes (pollers archive them as received);
    /// <paramref name="inspect"/> sees a successful answer's headers (e.g. a <c>Link</c> to the next page).
    /// </summary>
    public static async Task<byte[]> SendAsync(
        this ChannelRequest request,
        string operation,
        HttpMethod method,
        string path,
        object? body,
        bool idempotent,
        Action<HttpRequestMessage>? configure = null,
        string mediaType = "application/json",
        Action<HttpResponseMessage>? inspect = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = new Uri(request.Account.BaseUrl.ToString().TrimEnd('/') + "/" + path.TrimStart('/'));
        using var message = new HttpRequestMessage(method, uri);
        if (body is byte[] raw)
        {
            // Already serialised (and signed over exactly these bytes).
            message.Content = new ByteArrayContent(raw);
            message.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(mediaType);
        }
        else if (body is not null)
        {
            message.Content = JsonContent.Create(body, mediaType: new System.Net.Http.Headers.MediaTypeHeaderValue(mediaType));
        }

        message.Options.Set(ChannelHttp.NotIdempotent, !idempotent);
        configure?.Invoke(message);
        HttpResponseMessage response;
        try
        {
            response = await request.Http.SendAsync(message, request.CancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or BrokenCircuitException or TimeoutRejectedException or RateLimiterRejectedException)
        {
            throw new ChannelApiException(request.Account.Channel, operation, null, e.Message, e);
        }

        using (response)
        {
            var bytes = await response.Content.ReadAsByteArrayAsync(request.CancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                var text = System.Text.Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 500));
                throw new ChannelApiException(request.Account.Channel, operation, (int)response.StatusCode, text);
            }

            inspect?.Invoke(response);
            return bytes;
        }
    }

    public static string Segment(string value) => Uri.EscapeDataString(value);
}

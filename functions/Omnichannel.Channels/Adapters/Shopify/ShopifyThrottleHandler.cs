using System.Net;
using System.Text.Json;

namespace Omnichannel.Channels.Adapters.Shopify;

/// <summary>
/// Shopify's GraphQL answers a throttled call with 200 and <c>errors[].message = "Throttled"</c>. This inner
/// handler turns that into a 429 with a Retry-After computed from <c>extensions.cost.throttleStatus</c>,
/// so the account's ordinary retry strategy waits exactly as long as the bucket needs.
/// </summary>
internal sealed class ShopifyThrottleHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentLength > 64 * 1024)
        {
            return response;
        }

        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var retryAfter = ThrottledFor(bytes);
        if (retryAfter is null)
        {
            var copy = new ByteArrayContent(bytes);
            foreach (var header in response.Content.Headers)
            {
                copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            response.Content = copy;
            return response;
        }

        response.Dispose();
        var throttled = new HttpResponseMessage(HttpStatusCode.TooManyRequests) { RequestMessage = request, Content = new ByteArrayContent(bytes) };
        throttled.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(retryAfter.Value);
        return throttled;
    }

    /// <summary>Seconds to wait when the answer is a throttle, else null.</summary>
    internal static TimeSpan? ThrottledFor(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (!root.TryGetProperty("errors", out var errors) || errors.ValueKind != JsonValueKind.Array ||
                !errors.EnumerateArray().Any(e => e.TryGetProperty("message", out var m) && m.GetString() == "Throttled"))
            {
                return null;
            }

            if (root.TryGetProperty("extensions", out var ext) && ext.TryGetProperty("cost", out var cost) &&
                cost.TryGetProperty("throttleStatus", out var status) &&
                status.TryGetProperty("currentlyAvailable", out var available) && status.TryGetProperty("restoreRate", out var rate) &&
                cost.TryGetProperty("requestedQueryCost", out var requested) && rate.GetDouble() > 0)
            {
                var seconds = Math.Max(0, requested.GetDouble() - available.GetDouble()) / rate.GetDouble();
                return TimeSpan.FromSeconds(Math.Ceiling(Math.Max(seconds, 1)));
            }

            return TimeSpan.FromSeconds(1);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

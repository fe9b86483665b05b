using System.Globalization;
using System.Net.Http.Headers;
using Omnichannel.Events.CloudEvents;
using Omnichannel.Events.Configuration;
using Omnichannel.Events.Model;
using Omnichannel.Hosting.Signing;

namespace Omnichannel.Events.Destinations;

/// <summary>
/// A webhook subscriber (<c>Events:Webhooks:{name}</c>): each event is one POST of its CloudEvent JSON
/// (<c>application/cloudevents+json</c>), signed like the hub's alert webhook (<see cref="WebhookSignature"/>:
/// HMAC-SHA256 over <c>{timestamp}.{raw body}</c>), with the event id in <c>X-Omnichannel-Event-Id</c>. Any answer
/// other than 2xx, a timeout or a network error fails the attempt; the dispatcher retries with backoff and pauses
/// the subscriber after <c>Events:PauseAfterFailures</c> failures in a row.
/// </summary>
public sealed class WebhookDestination(string name, WebhookSubscriberOptions subscriber, IHttpClientFactory clients, TimeProvider time, string source) : IEventDestination
{
    public const string ClientName = "events-webhook";
    public const string EventIdHeader = "X-Omnichannel-Event-Id";

    private readonly string[] _types = (subscriber?.Types ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public string Name => "webhook:" + name;

    public bool Pausable => true;

    public bool Accepts(string type) =>
        _types.Length == 0 || _types.Any(t => t.EndsWith('*') ? type.StartsWith(t[..^1], StringComparison.Ordinal) : string.Equals(t, type, StringComparison.Ordinal));

    public async Task SendAsync(IReadOnlyList<HubEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        using var client = clients.CreateClient(ClientName);
        foreach (var e in events)
        {
            var body = HubCloudEvents.ToJson(e, source).ToString();
            var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
            using var request = new HttpRequestMessage(HttpMethod.Post, subscriber.Url) { Content = new StringContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(HubCloudEvents.ContentType) { CharSet = "utf-8" };
            request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add(WebhookSignature.Header, WebhookSignature.Compute(subscriber.Secret!, timestamp, body));
            request.Headers.Add(EventIdHeader, e.Id);
            HttpResponseMessage response;
            try
            {
                response = await client.SendAsync(request, cancellationToken);
            }
            catch (Exception x) when (x is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                throw new EventDeliveryException($"{Name} did not answer: {x.GetType().Name}.", x);
            }

            using (response)
            {
                if (!response.IsSuccessStatusCode)
                {
                    throw new EventDeliveryException($"{Name} answered {(int)response.StatusCode}.");
                }
            }
        }
    }
}

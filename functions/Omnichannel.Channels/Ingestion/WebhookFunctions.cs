using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using Omnichannel.Channels.Configuration;
using Omnichannel.Channels.Storage;
using Omnichannel.Hosting.Http;

namespace Omnichannel.Channels.Ingestion;

/// <summary>
/// The HTTP side of ingestion: reads the raw body under the size limit and answers from the outcome.
/// The receive routes are anonymous at the key level; the channel's signature is the authentication.
/// </summary>
public sealed class WebhookFunctions(
    WebhookIngestor ingestor,
    DeliveryForwarder forwarder,
    QuarantineStore quarantine,
    IOptions<ChannelsOptions> options,
    TimeProvider time)
{
    /// <summary><c>POST /api/webhooks/{channel}</c>: a delivery for the channel's default store.</summary>
    [Function("ChannelsWebhookReceive")]
    public Task<Results<Accepted<WebhookAck>, Ok<WebhookAck>, ProblemHttpResult>> ReceiveDefaultStoreAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "webhooks/{channel}")] HttpRequest request, string channel, CancellationToken cancellationToken) =>
        ReceiveAsync(request, channel, null, cancellationToken);

    /// <summary><c>POST /api/webhooks/{channel}/{store}</c>: a delivery for one store of the channel.</summary>
    [Function("ChannelsStoreWebhookReceive")]
    public Task<Results<Accepted<WebhookAck>, Ok<WebhookAck>, ProblemHttpResult>> ReceiveStoreAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "webhooks/{channel}/{store}")] HttpRequest request, string channel, string store, CancellationToken cancellationToken) =>
        ReceiveAsync(request, channel, store, cancellationToken);

    /// <summary><c>GET /api/webhooks/quarantine[?channel=][&amp;take=]</c> (function key): authentic payloads that could not be read.</summary>
    [Function("ChannelsQuarantineList")]
    public async Task<Results<Ok<IReadOnlyList<QuarantinedPayload>>, ProblemHttpResult>> ListQuarantineAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "webhooks/quarantine")] HttpRequest request, CancellationToken cancellationToken)
    {
        if (!HttpQuery.TryInt(request, "take", out var take, out var badQuery))
        {
            return badQuery!;
        }

        if (take is < 1 or > 1000)
        {
            return Problems.Invalid("take", "'take' must be 1-1000.");
        }

        var channel = HttpQuery.String(request, "channel");
        return TypedResults.Ok(await quarantine.ListAsync(channel?.ToLowerInvariant(), take ?? 100, cancellationToken));
    }

    /// <summary>
    /// <c>POST /api/webhooks/quarantine/{channel}/{id}/requeue</c> (function key): reads a quarantined webhook again
    /// and forwards its orders (<see cref="DeliveryForwarder.RequeueAsync"/>). 202 forwarded, 200 duplicate (nothing
    /// new, the row goes), 404 unknown id, 422 still unreadable or not a webhook (the row stays), 503 busy.
    /// </summary>
    [Function("ChannelsQuarantineRequeue")]
    public async Task<Results<Accepted<WebhookAck>, Ok<WebhookAck>, ProblemHttpResult>> RequeueAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "webhooks/quarantine/{channel}/{id}/requeue")] HttpRequest request, string channel, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var quarantined = await quarantine.GetAsync(channel.ToLowerInvariant(), id, cancellationToken);
        if (quarantined is null)
        {
            return Problems.NotFound($"{channel} quarantined payload", id);
        }

        var ack = await forwarder.RequeueAsync(quarantined, cancellationToken);
        return ack.Outcome switch
        {
            WebhookOutcome.Accepted => TypedResults.Accepted((string?)null, ack),
            WebhookOutcome.Duplicate => TypedResults.Ok(ack),
            WebhookOutcome.Busy => Busy(request.HttpContext, ack),
            _ => Problems.Unprocessable(ack.Detail),
        };
    }

    private async Task<Results<Accepted<WebhookAck>, Ok<WebhookAck>, ProblemHttpResult>> ReceiveAsync(
        HttpRequest request, string channel, string? store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var context = request.HttpContext;
        var receivedAt = time.GetUtcNow();
        channel = channel.ToLowerInvariant();
        store = (store ?? ChannelAccount.DefaultStore).ToLowerInvariant();
        var source = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (RouteName.Problem(channel, store) is { } bad)
        {
            ingestor.Refuse(channel, source, "bad-route", $"route value '{bad.Field}' {bad.Rule}");
            return Problems.Invalid(bad.Field, $"{bad.Field} {bad.Rule}");
        }

        var max = options.Value.MaxBodyBytes;
        var body = request.ContentLength > max ? null : await ReadLimitedAsync(request.Body, max, cancellationToken);
        if (body is null)
        {
            ingestor.Refuse(channel, source, "too-large", $"{channel}/{store}: body over {max} bytes");
            return TypedResults.Problem($"The body is larger than {max} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge, title: "Payload too large");
        }

        var headers = new HeaderMap(request.Headers.Select(h => KeyValuePair.Create(h.Key, h.Value.ToString())));
        var url = $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{request.QueryString}";
        var ack = await ingestor.IngestAsync(new WebhookDelivery(channel, store, receivedAt, url, headers, body), source, cancellationToken);
        return ack.Outcome switch
        {
            WebhookOutcome.Accepted => TypedResults.Accepted((string?)null, ack),
            WebhookOutcome.Rejected => TypedResults.Problem("The request's signature is missing, does not match, or is too old.", statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized"),
            WebhookOutcome.Busy => Busy(context, ack),
            WebhookOutcome.Unknown => Problems.NotFound("channel account", $"{channel}/{store}"),
            _ => TypedResults.Ok(ack),
        };
    }

    private static ProblemHttpResult Busy(HttpContext context, WebhookAck ack)
    {
        context.Response.Headers.RetryAfter = "30";
        return TypedResults.Problem(ack.Detail ?? "This delivery is being processed; try again.", statusCode: StatusCodes.Status503ServiceUnavailable, title: "In progress");
    }

    /// <summary>Reads at most <paramref name="max"/> bytes; null when the body is longer (chunked uploads have no Content-Length).</summary>
    private static async Task<byte[]?> ReadLimitedAsync(Stream body, int max, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > max)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}

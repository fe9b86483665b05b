using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Omnichannel.Channels.Configuration;
using Omnichannel.Channels.Storage;

namespace Omnichannel.Channels.Ingestion;

/// <summary>
/// The HTTP side of ingestion: reads the raw body under the size limit and answers from the outcome.
/// The routes are anonymous at the key level; the channel's signature is the authentication.
/// </summary>
internal static class WebhookEndpoints
{
    public static async Task<Results<Accepted<WebhookAck>, Ok<WebhookAck>, ProblemHttpResult>> ReceiveAsync(
        string channel,
        string? store,
        HttpContext context,
        WebhookIngestor ingestor,
        IOptions<ChannelsOptions> options,
        TimeProvider time,
        ILogger<WebhookIngestor> logger,
        CancellationToken cancellationToken)
    {
        var request = context.Request;
        var receivedAt = time.GetUtcNow();
        channel = channel.ToLowerInvariant();
        store = (store ?? ChannelAccount.DefaultStore).ToLowerInvariant();
        var source = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var max = options.Value.MaxBodyBytes;
        var body = request.ContentLength > max ? null : await ReadLimitedAsync(request.Body, max, cancellationToken);
        if (body is null)
        {
            Log.WebhookTooLarge(logger, channel, store, source, max);
            ingestor.CountOversize(channel);
            return TypedResults.Problem($"The body is larger than {max} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge, title: "Payload too large");
        }

        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var url = $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{request.QueryString}";
        var ack = await ingestor.IngestAsync(new WebhookDelivery(channel, store, receivedAt, url, headers, body), source, cancellationToken);
        return ack.Outcome switch
        {
            WebhookOutcome.Accepted => TypedResults.Accepted((string?)null, ack),
            WebhookOutcome.Rejected => TypedResults.Problem("The request's signature is missing, does not match, or is too old.", statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized"),
            WebhookOutcome.Busy => Busy(context, ack),
            WebhookOutcome.Unknown => TypedResults.Problem($"No account is configured for channel '{channel}', store '{store}'.", statusCode: StatusCodes.Status404NotFound, title: "Unknown channel account"),
            _ => TypedResults.Ok(ack),
        };
    }

    private static ProblemHttpResult Busy(HttpContext context, WebhookAck ack)
    {
        context.Response.Headers.RetryAfter = "30";
        return TypedResults.Problem(ack.Detail ?? "This delivery is being processed; try again.", statusCode: StatusCodes.Status503ServiceUnavailable, title: "In progress");
    }

    public static async Task<Results<Ok<IReadOnlyList<QuarantinedPayload>>, ValidationProblem>> ListQuarantineAsync(
        string? channel, int? take, QuarantineTable quarantine, CancellationToken cancellationToken)
    {
        if (take is < 1 or > 1000)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["take"] = ["take must be 1-1000."] });
        }

        return TypedResults.Ok(await quarantine.ListAsync(channel?.ToLowerInvariant(), take ?? 100, cancellationToken));
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

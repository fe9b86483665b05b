using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Omnichannel.Hosting.Declarations;
using Omnichannel.Ledger.Configuration;

namespace Omnichannel.Ledger.Alerts;

/// <summary>
/// Queue function on <c>Ledger:AlertWebhookQueue</c>: posts each alert to <c>Ledger:AlertWebhookUrl</c>,
/// signed (see <see cref="WebhookSignature"/>). A non-success answer throws, so the queue retries it and
/// finally moves it to the poison queue. The secret is never logged.
/// </summary>
public sealed class AlertWebhookHandler(IHttpClientFactory clients, TimeProvider time, IOptions<LedgerOptions> options, ILogger<AlertWebhookHandler> logger) : IQueueHandler
{
    public const string ClientName = "ledger-alert-webhook";

    public async Task HandleAsync(QueueInvocation message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var o = options.Value;
        if (o.AlertWebhookUrl is null || o.AlertWebhookSecret is null)
        {
            return;
        }

        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, o.AlertWebhookUrl)
        {
            Content = new StringContent(message.Body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Compute(o.AlertWebhookSecret, timestamp, message.Body));
        using var client = clients.CreateClient(ClientName);
        using var response = await client.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            Log.WebhookFailed(logger, o.AlertWebhookUrl.Host, (int)response.StatusCode, message.DequeueCount);
            throw new HttpRequestException($"Alert webhook answered {(int)response.StatusCode}.", null, response.StatusCode);
        }

        Log.WebhookDelivered(logger, o.AlertWebhookUrl.Host, message.MessageId);
    }
}

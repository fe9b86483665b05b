using System.Globalization;
using System.Text;
using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Omnichannel.Hosting.Signing;
using Omnichannel.Ledger.Configuration;

namespace Omnichannel.Ledger.Alerts;

/// <summary>
/// Queue function on <c>Ledger:AlertWebhookQueue</c>: posts each alert to <c>Ledger:AlertWebhookUrl</c>,
/// signed (see <see cref="WebhookSignature"/>). A non-success answer throws, so the queue retries it and
/// finally moves it to the poison queue. The secret is never logged.
/// </summary>
public sealed class AlertWebhookFunctions(IHttpClientFactory clients, TimeProvider time, IOptions<LedgerOptions> options, ILogger<AlertWebhookFunctions> logger)
{
    public const string ClientName = "ledger-alert-webhook";

    /// <summary>
    /// Declared whether or not a webhook is configured (the queue only receives messages when one is). A message
    /// left from a webhook that was since removed throws, so it ends in the poison queue instead of being dropped.
    /// </summary>
    [Function("LedgerAlertForward")]
    public async Task RunAsync([QueueTrigger("%Ledger:AlertWebhookQueue%")] QueueMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var o = options.Value;
        if (o.AlertWebhookUrl is null || o.AlertWebhookSecret is null)
        {
            Log.WebhookNotConfigured(logger, message.MessageId);
            throw new InvalidOperationException("No alert webhook is configured (Ledger:AlertWebhookUrl); the alert is kept for the poison queue.");
        }

        var body = message.Body.ToString();
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, o.AlertWebhookUrl)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Compute(o.AlertWebhookSecret, timestamp, body));
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

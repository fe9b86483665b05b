using Omnichannel.Channels.Configuration;
using Omnichannel.Channels.Ingestion;
using Omnichannel.Channels.Model;
using Omnichannel.Channels.Storage;

namespace Omnichannel.Orders.Intake;

/// <summary>
/// Turns an order message's archived payload back into the canonical order: a webhook with the same adapter that
/// read it on arrival, so the flow works from exactly what the channel sent; a poll page or a fetched order
/// (which no webhook adapter reads) from the mapped copy the intake kept beside it.
/// </summary>
public sealed class ArchivedOrderReader(WebhookArchiveStore archive, ChannelAccounts accounts, WebhookAdapters adapters)
{
    /// <summary>The order <paramref name="channelOrderId"/> in the archived payload; throws <see cref="InvalidDataException"/> when it is not there.</summary>
    public async Task<CanonicalOrder> ReadAsync(string archiveBlob, string channel, string store, string channelOrderId, CancellationToken cancellationToken)
    {
        var payload = await archive.ReadAsync(archiveBlob, cancellationToken);
        if (payload.Source != ArchivedPayload.FromWebhook)
        {
            return await archive.ReadMappedOrderAsync(archiveBlob, channelOrderId, cancellationToken)
                ?? throw new InvalidDataException($"Archived {payload.Source} payload '{archiveBlob}' has no mapped order {channel}/{store}/{channelOrderId}.");
        }

        var account = accounts.Find(payload.Channel, payload.Store)
            ?? throw new InvalidDataException($"No channel account {payload.Channel}/{payload.Store} is configured any more.");
        var adapter = adapters.Find(account.Adapter)
            ?? throw new InvalidDataException($"No inbound adapter '{account.Adapter}' for {account}.");
        var delivery = new WebhookDelivery(payload.Channel, payload.Store, payload.ReceivedAt, payload.Url, payload.Headers, payload.Body);
        return adapter.Read(delivery, account).Orders.FirstOrDefault(o =>
                string.Equals(o.Channel, channel, StringComparison.OrdinalIgnoreCase)
                && string.Equals(o.Store, store, StringComparison.OrdinalIgnoreCase)
                && o.ChannelOrderId == channelOrderId)
            ?? throw new InvalidDataException($"Archived payload '{archiveBlob}' holds no order {channel}/{store}/{channelOrderId}.");
    }
}

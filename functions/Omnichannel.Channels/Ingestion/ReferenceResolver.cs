using Omnichannel.Channels.Configuration;
using Omnichannel.Channels.Outbound;
using Omnichannel.Channels.Polling;
using Omnichannel.Channels.Storage;

namespace Omnichannel.Channels.Ingestion;

/// <summary>
/// Turns a thin notification (<see cref="Model.OrderEventKind.Reference"/>) into the order it names: fetches it
/// through the account's adapter, archives the answer as received, and forwards it through
/// <see cref="OrderIntake"/> like a webhook or poll, so the consumer then gets an ordinary order message (and
/// an order already seen is a duplicate). What cannot become an order is quarantined with the reason, never
/// dropped. A channel that fails to answer throws <see cref="ChannelApiException"/>: the queue retries it.
/// </summary>
public sealed class ReferenceResolver(
    ChannelAccounts accounts,
    IEnumerable<IOrderFetcher> fetchers,
    WebhookArchiveStore archive,
    QuarantineStore quarantine,
    OrderIntake intake,
    IHttpClientFactory http,
    TimeProvider time,
    ILogger<ReferenceResolver> logger)
{
    private readonly Dictionary<string, IOrderFetcher> _fetchers = fetchers.ToDictionary(f => f.Adapter, StringComparer.OrdinalIgnoreCase);

    public async Task<ReferenceOutcome> ResolveAsync(ChannelOrderMessage reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var account = accounts.Find(reference.Channel, reference.Store);
        if (account is null || !_fetchers.TryGetValue(account.Adapter, out var fetcher))
        {
            var why = account is null ? "the store is no longer configured" : $"adapter '{account.Adapter}' has no call to fetch an order";
            return await QuarantineAsync(reference, reference.ArchiveBlob, ReferenceOutcome.Unsupported, why, cancellationToken);
        }

        var request = ChannelRequest.For(account, http, time, cancellationToken);
        var fetched = await fetcher.FetchAsync(request, reference.ChannelOrderId);
        if (fetched is null)
        {
            return await QuarantineAsync(reference, reference.ArchiveBlob, ReferenceOutcome.Unknown, $"{account.Channel} does not know order {reference.ChannelOrderId}", cancellationToken);
        }

        var receivedAt = time.GetUtcNow();
        var blob = await archive.WriteAsync(new ArchivedPayload(account.Channel, account.Store, ArchivedPayload.FromFetch, receivedAt, fetched.Url, HeaderMap.Empty, fetched.Body), cancellationToken);
        if (fetched.Skipped is { } skipped)
        {
            Log.ReferenceResolved(logger, account.Channel, account.Store, reference.ChannelOrderId, nameof(ReferenceOutcome.Skipped), skipped);
            return ReferenceOutcome.Skipped;
        }

        if (fetched.Order is not { } order)
        {
            return await QuarantineAsync(reference, blob, ReferenceOutcome.Unreadable, fetched.Unreadable ?? "the answer maps to no order", cancellationToken);
        }

        var (claim, kind) = await intake.ForwardAsync(order, blob, reference.DeliveryId, receivedAt, keepMappedOrder: true, cancellationToken);
        var outcome = claim is ClaimOutcome.New or ClaimOutcome.Stalled ? ReferenceOutcome.Forwarded : ReferenceOutcome.Duplicate;
        Log.ReferenceResolved(logger, account.Channel, account.Store, reference.ChannelOrderId, outcome.ToString(), kind.ToString());
        return outcome;
    }

    private async Task<ReferenceOutcome> QuarantineAsync(ChannelOrderMessage reference, string blob, ReferenceOutcome outcome, string reason, CancellationToken cancellationToken)
    {
        await quarantine.AddAsync(new QuarantinedPayload(reference.Channel, reference.Store, time.GetUtcNow(), blob, reference.DeliveryId, reason), cancellationToken);
        Log.ReferenceQuarantined(logger, reference.Channel, reference.Store, reference.ChannelOrderId, reason, blob);
        return outcome;
    }
}

/// <summary>What became of a thin notification.</summary>
public enum ReferenceOutcome
{
    /// <summary>The fetched order was queued as new, updated or cancelled.</summary>
    Forwarded,

    /// <summary>The fetched order is exactly what was already forwarded.</summary>
    Duplicate,

    /// <summary>The channel's record is not an order to act on yet.</summary>
    Skipped,

    /// <summary>The channel does not know the order id: quarantined.</summary>
    Unknown,

    /// <summary>The channel's answer could not be mapped: archived and quarantined.</summary>
    Unreadable,

    /// <summary>No configured account or no fetch call for its adapter: quarantined.</summary>
    Unsupported,
}

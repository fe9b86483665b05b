using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Omnichannel.Ledger.Stock;
using Omnichannel.Storage.Errors;
using Omnichannel.Sync.Configuration;
using Omnichannel.Sync.State;

namespace Omnichannel.Sync.Pushing;

/// <summary>
/// The read-modify-write steps on a listing's sync state, each retried on 409/412 after re-reading:
/// record a newly computed figure (dropping it when an older ledger version than the one recorded) and claim
/// the push when the channel's figure would change; after the push, record the outcome and, when a newer
/// figure arrived meanwhile, keep the claim and hand back the next push (so bursts coalesce: the latest wins).
/// </summary>
public sealed class ListingClaims(SyncStateStore store, IOptions<SyncOptions> options, TimeProvider time, ILogger<ListingClaims> logger)
{
    private const int MaxAttempts = 50;

    /// <summary>Records the figure; returns a push to make, or null when the channel already shows it, another push holds the listing, or the figure is stale.</summary>
    public Task<ListingPush?> ClaimAsync(string sku, string listingKey, ChannelAvailability figure, long version, bool force, ListingSyncState? read, CancellationToken cancellationToken)
    {
        var first = true;
        return StorageCall.RetryOnConflictAsync(async () =>
        {
            var state = first ? read : await store.GetAsync(sku, listingKey, cancellationToken);
            first = false;
            try
            {
                return await TryClaimAsync(sku, listingKey, figure, version, force, state, cancellationToken);
            }
            catch (StorageException e) when (e.IsConflict)
            {
                // Another handler created the row first: re-read it and decide again.
                throw StorageCall.Retry("Another handler created the listing's sync state first; re-reading.", e);
            }
        }, MaxAttempts);
    }

    /// <summary>Records how a push ended; returns the next push when a newer figure arrived while it ran.</summary>
    public Task<ListingPush?> CompleteAsync(PushOutcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var push = outcome.Push;
        var known = push.Claimed;
        return StorageCall.RetryOnConflictAsync(async () =>
        {
            // The claim's own write is the state unless someone wrote since; a 412 then re-reads.
            var state = known ?? await store.GetAsync(push.Sku, push.ListingKey, cancellationToken);
            known = null;
            if (state is null)
            {
                return null;
            }

            var now = time.GetUtcNow();
            if (state.ClaimId != push.ClaimId)
            {
                // The claim timed out and another push took over: which one landed last is unknown, so the
                // figure is pushed once more by the retry pass.
                await store.WriteAsync(state with { NeedsPush = true }, cancellationToken);
                return null;
            }

            if (outcome.Error is { } error)
            {
                var failed = state with { ClaimId = null, ClaimedAt = null, NeedsPush = true, Failures = state.Failures + 1, LastError = error, LastErrorAt = now };
                await store.WriteAsync(failed, cancellationToken);
                Log.PushFailed(logger, push.Channel, push.Account, push.ChannelItemId, push.Sku, failed.Failures, error);
                if (failed.Failures == options.Value.FailingAfter)
                {
                    Log.ListingFailing(logger, push.Channel, push.Account, push.ChannelItemId, push.Sku, failed.Failures, error);
                }

                return null;
            }

            if (state.Failures > 0)
            {
                Log.ListingRecovered(logger, push.Channel, push.Account, push.ChannelItemId, push.Sku, push.Quantity);
            }

            var pushed = state with { Pushed = push.Quantity, PushedVersion = push.Version, PushedAt = now, Failures = 0, ClaimId = null, ClaimedAt = null, NeedsPush = false };
            if (pushed.Desired == push.Quantity)
            {
                await store.WriteAsync(pushed, cancellationToken);
                return null;
            }

            var next = await store.WriteAsync(pushed with { NeedsPush = true, ClaimId = NewClaim(), ClaimedAt = now }, cancellationToken);
            return Push(next);
        }, MaxAttempts);
    }

    private async Task<ListingPush?> TryClaimAsync(string sku, string listingKey, ChannelAvailability figure, long version, bool force, ListingSyncState? state, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (state is not null && version < state.DesiredVersion)
        {
            Log.StaleFigureDropped(logger, sku, listingKey, version, state.DesiredVersion);
            return null;
        }

        var current = (state ?? new ListingSyncState { Sku = sku, ListingKey = listingKey, Channel = figure.Channel, Account = figure.Account, ChannelItemId = figure.ChannelItemId }) with
        {
            Channel = figure.Channel,
            Account = figure.Account,
            ChannelItemId = figure.ChannelItemId,
            SellerSku = figure.SellerSku,
            Desired = figure.AvailableToSell,
            DesiredVersion = version,
        };
        var changed = state is null || state.Desired != current.Desired || state.DesiredVersion != version || state.SellerSku != current.SellerSku;
        var needsPush = force || current.NeedsPush || current.Pushed != current.Desired;
        var held = current.ClaimId is not null && current.ClaimedAt + options.Value.ClaimTimeout > now;
        if (!needsPush || held)
        {
            // Nothing to send, or the push in flight will see the new figure when it completes.
            var next = held && needsPush ? current with { NeedsPush = true } : current;
            if (changed || next.NeedsPush != current.NeedsPush)
            {
                await store.WriteAsync(next, cancellationToken);
            }

            return null;
        }

        var claimed = await store.WriteAsync(current with { NeedsPush = true, ClaimId = NewClaim(), ClaimedAt = now }, cancellationToken);
        return Push(claimed);
    }

    private static ListingPush Push(ListingSyncState s) =>
        new(s.Sku, s.ListingKey, s.Channel, s.Account, s.ChannelItemId, s.SellerSku, s.Desired, s.DesiredVersion, s.ClaimId!) { Claimed = s };

    private static string NewClaim() => Guid.NewGuid().ToString("N");
}

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Omnichannel.Ledger.Catalogue;
using Omnichannel.Ledger.Configuration;
using Omnichannel.Storage.Errors;

namespace Omnichannel.Ledger.Stock;

/// <summary>
/// Records movements. Each write is a single entity-group transaction in the SKU's partition: insert the
/// movement rows (one keyed by the idempotency key, one in the newest-first trail) and update the head and
/// the touched balances under their ETags. A 412 means another writer committed first: re-read and
/// re-decide. A 409 on the movement row means the key was recorded before: the first result is returned
/// and nothing changes. Movements of one SKU that arrive together on this instance share one transaction
/// (<see cref="GroupCommit"/>), each still decided in order against the balances the previous one left. The same
/// transaction writes the group's outbox row (<see cref="StockOutbox"/>): its events and queue messages commit with
/// the movements or not at all.
/// </summary>
public sealed class StockLedger
{
    private readonly LedgerStorage _storage;
    private readonly LocationStore _locations;
    private readonly StockEffects _effects;
    private readonly TimeProvider _time;
    private readonly LedgerOptions _options;
    private readonly ILogger<StockLedger> _logger;
    private readonly GroupCommit _groups;

    public StockLedger(LedgerStorage storage, LocationStore locations, StockEffects effects, TimeProvider time, IOptions<LedgerOptions> options, ILogger<StockLedger> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        (_storage, _locations, _effects, _time, _options, _logger) = (storage, locations, effects, time, options.Value, logger);
        _groups = new GroupCommit(CommitAsync);
    }

    /// <summary>Records a movement, or returns the one recorded earlier with the same idempotency key, or refuses it.</summary>
    public async Task<MovementOutcome> RecordAsync(MovementCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        await _storage.EnsureCreatedAsync();
        foreach (var location in new[] { command.Location, command.OtherLocation })
        {
            if (location is not null && await _locations.FindAsync(location, cancellationToken) is null)
            {
                return MovementOutcome.Refused(new LedgerRejection(RejectionReason.UnknownLocation, command.Sku, location, $"Location '{location}' does not exist."));
            }
        }

        var committed = await _groups.SubmitAsync(command, cancellationToken);
        if (committed.Outcome.Movement is { } movement)
        {
            await _effects.ApplyAsync(committed, cancellationToken);
            if (!committed.Outcome.Replayed)
            {
                Log.MovementRecorded(_logger, movement.Sku, movement.Kind, movement.Location, movement.Quantity, movement.Sequence);
            }
        }
        else if (committed.Outcome.Rejection is { } rejection)
        {
            Log.MovementRefused(_logger, rejection.Sku, rejection.Reason, rejection.Message);
        }

        return committed.Outcome;
    }

    /// <summary>The movement recorded under an idempotency key, if any.</summary>
    public async Task<Movement?> FindAsync(string sku, string idempotencyKey, CancellationToken cancellationToken)
    {
        await _storage.EnsureCreatedAsync();
        return (await StockPartitionStore.FindMovementAsync(_storage.Stock, sku, idempotencyKey, cancellationToken))?.Movement;
    }

    private async Task<IReadOnlyList<Committed>> CommitAsync(IReadOnlyList<MovementCommand> group)
    {
        try
        {
            return await StorageCall.RetryOnConflictAsync(() => TryCommitAsync(group), _options.MaxConflictAttempts);
        }
        catch (KeySeenBeforeException) when (group.Count > 1)
        {
            // One of the keys was recorded before: decide each on its own, which finds the replay.
            var results = new List<Committed>(group.Count);
            foreach (var command in group)
            {
                results.AddRange(await StorageCall.RetryOnConflictAsync(() => TryCommitAsync([command]), _options.MaxConflictAttempts));
            }

            return results;
        }
    }

    private async Task<IReadOnlyList<Committed>> TryCommitAsync(IReadOnlyList<MovementCommand> group)
    {
        var table = _storage.Stock;
        var sku = group[0].Sku;
        var snapshot = await StockPartitionStore.ReadAsync(table, sku, CancellationToken.None);
        if (snapshot is null)
        {
            return group.Select(c => Committed.Only(MovementOutcome.Refused(new LedgerRejection(RejectionReason.UnknownSku, c.Sku, null, $"SKU '{c.Sku}' is not in the catalogue.")))).ToList();
        }

        var now = _time.GetUtcNow();
        var state = new Dictionary<string, BalanceState>(snapshot.States, StringComparer.Ordinal);
        var touched = new HashSet<string>(StringComparer.Ordinal);
        var (sequence, lowAlerted) = (snapshot.Sequence, snapshot.LowStockAlerted);
        var window = new ChangeWindow(snapshot.ChangedWindowEnd, snapshot.ChangedTrailing);
        var noticed = false;
        var results = new Committed?[group.Count];
        var rejections = new Dictionary<int, LedgerRejection>();
        var movements = new List<(Movement Movement, string Fingerprint)>();
        for (var i = 0; i < group.Count; i++)
        {
            var c = group[i];
            var rule = MovementRules.Apply(c, state, snapshot.SafetyStock);
            if (rule.Rejection is not null)
            {
                rejections[i] = rule.Rejection;
                continue;
            }

            string? recountAt = null;
            foreach (var (location, changed) in rule.Changed)
            {
                var recount = MovementRules.RaisesRecount(c.Kind, changed);
                state[location] = recount ? changed with { RecountAlerted = true } : changed;
                recountAt = recount ? location : recountAt;
                touched.Add(location);
            }

            var available = MovementRules.ConsolidatedAvailable(state.Values, snapshot.SafetyStock);
            var low = MovementRules.IsLow(available, snapshot.ReorderPoint);

            // The stock-changed message is delivered after this transaction's commit, so it covers the later movements of the group too.
            var notice = ChangeNotice.None;
            if (!noticed)
            {
                (notice, window) = window.Decide(now, _options.StockChangedWindow);
                noticed = notice != ChangeNotice.None;
            }

            var movement = new Movement(
                ++sequence, c.Sku, c.Kind, c.Location, c.OtherLocation, c.Quantity, rule.Difference, c.Reason, c.Condition,
                c.UnitPrice, c.IdempotencyKey, c.Source ?? new MovementSource(), now,
                rule.Changed.Keys.Select(l => state[l].ToBalance(l)).ToList(), available, c.Currency, c.UnitNet, c.UnitTax);
            movements.Add((movement, c.Fingerprint));
            results[i] = new Committed(MovementOutcome.Recorded(movement), low && !lowAlerted, snapshot.ReorderPoint, recountAt, notice, window.End!.Value);
            lowAlerted = low;
        }

        if (movements.Count > 0)
        {
            var recorded = results.Where(r => r is not null).Select(r => r!).ToList();
            var batch = StockOutbox.Build(recorded, _options);
            try
            {
                await StockPartitionStore.CommitAsync(table, snapshot, movements, batch, (sequence, lowAlerted, window), touched.Select(l => (l, state[l])));
            }
            catch (StorageException e) when (e.IsConflict)
            {
                // Either a key was recorded before, or another writer created the same balance row first.
                if (group.Count > 1)
                {
                    throw new KeySeenBeforeException(e);
                }

                return [Committed.Only(await ReplayAsync(group[0]) ?? throw StorageCall.Retry("Another writer created a balance row first; re-reading.", e))];
            }
        }

        foreach (var (i, rejection) in rejections)
        {
            // A retry of a movement that succeeded earlier must get its first result, even if it would no longer fit.
            results[i] = Committed.Only(await ReplayAsync(group[i]) ?? MovementOutcome.Refused(rejection));
        }

        return results.Select(r => r!).ToList();
    }

    private async Task<MovementOutcome?> ReplayAsync(MovementCommand c)
    {
        if (await StockPartitionStore.FindMovementAsync(_storage.Stock, c.Sku, c.IdempotencyKey, CancellationToken.None) is not { } found)
        {
            return null;
        }

        return found.Fingerprint == c.Fingerprint
            ? MovementOutcome.Replay(found.Movement)
            : MovementOutcome.Refused(new LedgerRejection(
                RejectionReason.IdempotencyKeyReused, c.Sku, c.Location, $"Idempotency key '{c.IdempotencyKey}' was already used for a different movement of '{c.Sku}'."));
    }

    /// <summary>A group's transaction hit 409: it is decided again one movement at a time.</summary>
    private sealed class KeySeenBeforeException(Exception inner) : Exception("A movement key in the group was recorded before.", inner);
}

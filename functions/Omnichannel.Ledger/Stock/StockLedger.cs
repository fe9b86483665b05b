using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Omnichannel.Ledger.Catalogue;
using Omnichannel.Ledger.Configuration;
using Omnichannel.Storage.Errors;

namespace Omnichannel.Ledger.Stock;

/// <summary>
/// Records movements. Each one is a single entity-group transaction in the SKU's partition: insert the
/// movement (RowKey from the idempotency key), append it to the trail, and update the head and the touched
/// balances under their ETags. A 412 means another writer committed first: re-read and re-decide. A 409 on
/// the movement row means this key was recorded before: the first result is returned and nothing changes.
/// </summary>
public sealed class StockLedger(
    LedgerStorage storage,
    LocationDirectory locations,
    StockEffects effects,
    TimeProvider time,
    IOptions<LedgerOptions> options,
    ILogger<StockLedger> logger)
{
    private readonly LedgerOptions _options = options.Value;

    /// <summary>Records a movement, or returns the one recorded earlier with the same idempotency key, or refuses it.</summary>
    public async Task<MovementOutcome> RecordAsync(MovementCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        await storage.EnsureCreatedAsync();
        foreach (var location in new[] { command.Location, command.OtherLocation })
        {
            if (location is not null && await locations.FindAsync(location, cancellationToken) is null)
            {
                return MovementOutcome.Refused(new LedgerRejection(RejectionReason.UnknownLocation, command.Sku, location, $"Location '{location}' does not exist."));
            }
        }

        var committed = await StorageCall.RetryOnConflictAsync(() => TryRecordAsync(command, cancellationToken), _options.MaxConflictAttempts);
        if (committed.Outcome.Movement is { } movement)
        {
            await effects.ApplyAsync(committed, cancellationToken);
            if (!committed.Outcome.Replayed)
            {
                Log.MovementRecorded(logger, movement.Sku, movement.Kind, movement.Location, movement.Quantity, movement.Sequence);
            }
        }
        else if (committed.Outcome.Rejection is { } rejection)
        {
            Log.MovementRefused(logger, rejection.Sku, rejection.Reason, rejection.Message);
        }

        return committed.Outcome;
    }

    /// <summary>The movement recorded under an idempotency key, if any.</summary>
    public async Task<Movement?> FindAsync(string sku, string idempotencyKey, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync();
        var entity = await FindEntityAsync(sku, idempotencyKey, cancellationToken);
        return entity is null ? null : StockPartition.ToMovement(entity);
    }

    private async Task<Committed> TryRecordAsync(MovementCommand c, CancellationToken cancellationToken)
    {
        var table = storage.Stock;
        var snapshot = await StockPartition.ReadAsync(table, c.Sku, cancellationToken);
        if (snapshot is null)
        {
            return Committed.Only(MovementOutcome.Refused(new LedgerRejection(RejectionReason.UnknownSku, c.Sku, null, $"SKU '{c.Sku}' is not in the catalogue.")));
        }

        var rule = MovementRules.Apply(c, snapshot.States, snapshot.SafetyStock);
        if (rule.Rejection is not null)
        {
            // A retry of a movement that succeeded earlier must get its first result, even if it would no longer fit.
            return Committed.Only(await ReplayAsync(c, cancellationToken) ?? MovementOutcome.Refused(rule.Rejection));
        }

        var now = time.GetUtcNow();
        var after = new Dictionary<string, BalanceState>(snapshot.States, StringComparer.Ordinal);
        string? recountAt = null;
        foreach (var (location, state) in rule.Changed)
        {
            var next = state;
            if (c.Kind == MovementKind.PosSale && state.OnHand < 0 && !state.RecountAlerted)
            {
                next = state with { RecountAlerted = true };
                recountAt = location;
            }

            after[location] = next;
        }

        var available = MovementRules.ConsolidatedAvailable(after.Values, snapshot.SafetyStock);
        var lowStock = snapshot.ReorderPoint is { } point && available < point;
        var opensWindow = snapshot.ChangedWindowEnd is not { } end || end <= now;
        var windowEnd = opensWindow ? now + _options.StockChangedWindow : snapshot.ChangedWindowEnd!.Value;
        var movement = new Movement(
            snapshot.Sequence + 1, c.Sku, c.Kind, c.Location, c.OtherLocation, c.Quantity, rule.Difference, c.Reason, c.Condition,
            c.UnitPrice, c.IdempotencyKey, c.Source ?? new MovementSource(), now,
            rule.Changed.Keys.Select(l => after[l].ToBalance(l)).ToList(), available);

        var pk = StockPartition.Key(c.Sku);
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.Add, StockPartition.MovementEntity(StockPartition.MovementKey(c.IdempotencyKey), movement, c.Fingerprint)),
            new(TableTransactionActionType.Add, StockPartition.MovementEntity(StockPartition.LogKey(movement.Sequence), movement, c.Fingerprint)),
            new(
                TableTransactionActionType.UpdateMerge,
                new TableEntity(pk, StockPartition.Head)
                {
                    ["Sequence"] = movement.Sequence,
                    ["LowStockAlerted"] = lowStock,
                    ["ChangedWindowEnd"] = windowEnd,
                },
                snapshot.HeadETag),
        };
        foreach (var location in rule.Changed.Keys)
        {
            var entity = StockPartition.BalanceEntity(c.Sku, location, after[location]);
            actions.Add(snapshot.Balances.TryGetValue(location, out var existing)
                ? new TableTransactionAction(TableTransactionActionType.UpdateMerge, entity, existing.ETag)
                : new TableTransactionAction(TableTransactionActionType.Add, entity));
        }

        try
        {
            await table.SubmitTransactionAsync(actions, cancellationToken);
        }
        catch (TableTransactionFailedException e) when (e.Status == 409)
        {
            // Either this key was recorded before, or another writer created the same balance row first.
            return Committed.Only(await ReplayAsync(c, cancellationToken)
                ?? throw new StorageException(412, "BalanceCreatedConcurrently", "Another writer created a balance row first; re-reading.", e));
        }

        return new Committed(
            MovementOutcome.Recorded(movement),
            LowStockCrossed: lowStock && !snapshot.LowStockAlerted,
            ReorderPoint: snapshot.ReorderPoint,
            RecountLocation: recountAt,
            OpensChangeWindow: opensWindow,
            ChangeWindowEnd: windowEnd);
    }

    private async Task<MovementOutcome?> ReplayAsync(MovementCommand c, CancellationToken cancellationToken)
    {
        var entity = await FindEntityAsync(c.Sku, c.IdempotencyKey, cancellationToken);
        if (entity is null)
        {
            return null;
        }

        return entity.GetString("Fingerprint") == c.Fingerprint
            ? MovementOutcome.Replay(StockPartition.ToMovement(entity))
            : MovementOutcome.Refused(new LedgerRejection(
                RejectionReason.IdempotencyKeyReused, c.Sku, c.Location, $"Idempotency key '{c.IdempotencyKey}' was already used for a different movement of '{c.Sku}'."));
    }

    private Task<TableEntity?> FindEntityAsync(string sku, string idempotencyKey, CancellationToken cancellationToken) =>
        StorageCall.TryGetAsync(async () => (await storage.Stock.GetEntityAsync<TableEntity>(
            StockPartition.Key(sku), StockPartition.MovementKey(idempotencyKey), cancellationToken: cancellationToken)).Value);
}

/// <summary>A decided movement and what must happen after its commit.</summary>
public sealed record Committed(
    MovementOutcome Outcome,
    bool LowStockCrossed = false,
    int? ReorderPoint = null,
    string? RecountLocation = null,
    bool OpensChangeWindow = false,
    DateTimeOffset ChangeWindowEnd = default)
{
    public static Committed Only(MovementOutcome outcome) => new(outcome);
}

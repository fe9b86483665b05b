using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Omnichannel.Events.Configuration;
using Omnichannel.Storage.Errors;

namespace Omnichannel.Events.Destinations;

/// <summary>
/// Delivery state per destination in the destinations table (PartitionKey <c>destination</c>, RowKey the escaped
/// name). Written only when something changes (a failure, the first success after failures, a pause, a resume),
/// so a healthy destination costs no storage request; read once per dispatch run.
/// </summary>
public sealed class DestinationStateStore(EventsStorage storage, TimeProvider time, IOptions<EventsOptions> options)
{
    private const string Partition = "destination";

    public async Task<Dictionary<string, DestinationState>> ReadAllAsync(CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync();
        var states = new Dictionary<string, DestinationState>(StringComparer.Ordinal);
        await StorageCall.RunAsync(async () =>
        {
            await foreach (var e in storage.Destinations.QueryAsync<TableEntity>(x => x.PartitionKey == Partition, cancellationToken: cancellationToken))
            {
                var name = TableKeys.Unescape(e.RowKey);
                states[name] = new DestinationState(
                    name, e.GetInt32("ConsecutiveFailures") ?? 0, e.GetDateTimeOffset("NextAttemptAt"), e.GetDateTimeOffset("PausedAt"), e.GetString("LastError"), e.GetDateTimeOffset("LastFailureAt"));
            }
        });
        return states;
    }

    /// <summary>Counts a failed attempt: backoff doubling from <c>Events:RetryBaseDelay</c>, paused after <c>Events:PauseAfterFailures</c> when pausable.</summary>
    public async Task<DestinationState> FailedAsync(DestinationState state, bool pausable, string error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var o = options.Value;
        var now = time.GetUtcNow();
        var failures = state.ConsecutiveFailures + 1;
        var delay = TimeSpan.FromTicks(Math.Min(o.RetryMaxDelay.Ticks, o.RetryBaseDelay.Ticks * (1L << Math.Min(failures - 1, 30))));
        var paused = pausable && failures >= o.PauseAfterFailures ? now : (DateTimeOffset?)null;
        var next = state with { ConsecutiveFailures = failures, NextAttemptAt = now + delay, PausedAt = paused, LastError = error, LastFailureAt = now };
        await WriteAsync(next, cancellationToken);
        return next;
    }

    /// <summary>A success after failures clears the failures (the last error stays for operations).</summary>
    public async Task<DestinationState> SucceededAsync(DestinationState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var next = state with { ConsecutiveFailures = 0, NextAttemptAt = null, PausedAt = null };
        await WriteAsync(next, cancellationToken);
        return next;
    }

    /// <summary>Resumes a paused (or backing-off) destination: its next dispatch tries at once.</summary>
    public async Task<DestinationState> ResumeAsync(string name, CancellationToken cancellationToken)
    {
        var states = await ReadAllAsync(cancellationToken);
        var state = states.GetValueOrDefault(name) ?? new DestinationState(name);
        return await SucceededAsync(state, cancellationToken);
    }

    private async Task WriteAsync(DestinationState s, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync();
        var entity = new TableEntity(Partition, TableKeys.Escape(s.Name))
        {
            ["ConsecutiveFailures"] = s.ConsecutiveFailures,
            ["NextAttemptAt"] = s.NextAttemptAt,
            ["PausedAt"] = s.PausedAt,
            ["LastError"] = s.LastError,
            ["LastFailureAt"] = s.LastFailureAt,
        };
        await StorageCall.RunAsync(() => storage.Destinations.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken));
    }
}

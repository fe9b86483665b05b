using Cronos;
using Omnichannel.Hosting.Health;
using Omnichannel.LocalHost.Diagnostics;
using Omnichannel.Storage.Errors;

namespace Omnichannel.LocalHost.Triggers;

/// <summary>
/// Runs one timer function standalone: waits for each NCRONTAB tick on the injected clock, claims the tick
/// through <see cref="TimerSingleton"/> and runs the handler in its own DI scope. A tick missed while no
/// host ran is run once, past due, at start-up. A tick that fails because storage is unreachable
/// (<see cref="StorageOutage"/>) is tried again with a back-off (<see cref="Backoff.Default"/>) while the timer
/// reports <see cref="TriggerStatus.BackingOff"/>; any other failure is logged and the timer keeps its schedule.
/// </summary>
internal sealed class TimerRunner(TimerTarget function, TimerSingleton singleton, IServiceScopeFactory scopes, TriggerHealth health, TimeProvider time, ILogger<TimerRunner> logger)
{
    private const string Kind = "timer";

    private readonly CronExpression _schedule = Parse(function);

    public static CronExpression Parse(TimerTarget function)
    {
        try
        {
            return CronExpression.Parse(function.Schedule, CronFormat.IncludeSeconds);
        }
        catch (CronFormatException e)
        {
            throw new InvalidOperationException($"Timer '{function.Name}': '{function.Schedule}' is not a six-field NCRONTAB expression (second minute hour day month weekday).", e);
        }
    }

    /// <summary>Runs ticks until <paramref name="cancellationToken"/> is cancelled, then returns.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await RunTicksAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task RunTicksAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        health.Running(function.Name, Kind);
        if (function.RunOnStartup)
        {
            // As in Functions: every host start runs it once, outside the once-per-tick claim.
            if (await GuardAsync(now, () => InvokeAsync(now, isPastDue: false, last: null, cancellationToken), cancellationToken) is { } outage)
            {
                Log.TimerFailed(logger, outage, function.Name, now);
            }
        }
        else
        {
            if (await GuardAsync(now, () => CatchUpAsync(now, cancellationToken), cancellationToken) is { } outage)
            {
                Log.TimerFailed(logger, outage, function.Name, now);
            }
        }

        var from = now;
        while (!cancellationToken.IsCancellationRequested)
        {
            var next = _schedule.GetNextOccurrence(from, TimeZoneInfo.Utc);
            if (next is null)
            {
                return;
            }

            var delay = next.Value - time.GetUtcNow();
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, time, cancellationToken);
            }

            await TickAsync(next.Value, isPastDue: time.GetUtcNow() - next.Value > TimeSpan.FromSeconds(5), cancellationToken);
            from = next.Value;
        }
    }

    /// <summary>Runs once, past due, a tick that fell while no host ran, as the Functions host does.</summary>
    private async Task CatchUpAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await singleton.ReadAsync(function.Name, cancellationToken) is { Next: { } due } && due < now)
        {
            await TickAsync(due, isPastDue: true, cancellationToken);
        }
    }

    /// <summary>Runs a tick; while storage is unreachable, tries it again after a back-off.</summary>
    private async Task TickAsync(DateTimeOffset tick, bool isPastDue, CancellationToken cancellationToken)
    {
        var backoff = Backoff.Default.First;
        while (await RunTickAsync(tick, isPastDue, cancellationToken) is { } outage)
        {
            health.BackingOff(function.Name, Kind, outage, backoff);
            Log.ListenerBackingOff(logger, outage, function.Name, backoff);
            await Task.Delay(backoff, time, cancellationToken);
            backoff = Backoff.Default.Next(backoff);
            isPastDue = true;
        }

        health.Running(function.Name, Kind);
    }

    /// <summary>Runs a tick once; returns the failure when it was a storage outage (to be tried again).</summary>
    private Task<Exception?> RunTickAsync(DateTimeOffset tick, bool isPastDue, CancellationToken cancellationToken) =>
        GuardAsync(tick, async () =>
        {
            await using var claim = await singleton.TryClaimAsync(function.Name, tick, cancellationToken);
            if (claim is null)
            {
                Log.TimerSkipped(logger, function.Name, tick, "another host holds it or it already ran");
                return;
            }

            using var renewal = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var renewing = RenewAsync(claim, renewal.Token);
            try
            {
                await InvokeAsync(tick, isPastDue, claim.Last, cancellationToken);
            }
            finally
            {
                await renewal.CancelAsync();
                await renewing;
            }

            await claim.CompleteAsync(new TimerStatus(tick, _schedule.GetNextOccurrence(tick, TimeZoneInfo.Utc)), cancellationToken);
        }, cancellationToken);

    private async Task InvokeAsync(DateTimeOffset tick, bool isPastDue, DateTimeOffset? last, CancellationToken cancellationToken)
    {
        using var logScope = Log.InvocationScope(logger, function.Name, $"{function.Name}-{tick:yyyyMMddTHHmmss}");
        Log.TimerRunning(logger, function.Name, tick, isPastDue);
        await using var scope = scopes.CreateAsyncScope();
        await function.RunAsync(scope.ServiceProvider, new TimerInvocation(function.Name, tick, isPastDue, last), cancellationToken);
    }

    /// <summary>Keeps the lease while a long handler runs (it is taken for 60 s).</summary>
    private async Task RenewAsync(TimerClaim claim, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(TimeSpan.FromSeconds(20), time, cancellationToken);
                await claim.RenewAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
        }
#pragma warning disable CA1031 // Lost the lease or storage down: the tick still completes under the lease id, which then fails and is logged.
        catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            _ = e;
        }
    }

    private async Task<Exception?> GuardAsync(DateTimeOffset tick, Func<Task> run, CancellationToken cancellationToken)
    {
        try
        {
            await run();
            return null;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // A failed tick is logged; the timer keeps its schedule, as in Functions.
        catch (Exception e)
#pragma warning restore CA1031
        {
            if (StorageOutage.Is(e))
            {
                return e;
            }

            Log.TimerFailed(logger, e, function.Name, tick);
            return null;
        }
    }
}

using Omnichannel.Hosting.Health;
using Omnichannel.LocalHost.Diagnostics;
using Omnichannel.LocalHost.Functions;

namespace Omnichannel.LocalHost.Triggers;

/// <summary>
/// Runs every timer and queue function of the app on the local host, as the Functions host's timer and queue
/// triggers do on Azure; a function turned off by <c>AzureWebJobs.{name}.Disabled</c> is not run. A trigger that
/// fails anyway (its listener handles storage failures itself) is restarted after a back-off, never left dead.
/// </summary>
internal sealed class StandaloneTriggers(
    LocalFunctions functions,
    IServiceProvider services,
    IConfiguration configuration,
    TriggerHealth health,
    TimeProvider time,
    ILogger<StandaloneTriggers> logger) : IHostedService
{
    // Not disposed: the host may call StopAsync after a failed start has disposed services, and these
    // sources own no timers.
    private readonly CancellationTokenSource _stopTaking = new();
    private readonly CancellationTokenSource _abort = new();
    private Task _running = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var runs = new List<Task>();
        foreach (var timer in functions.Timers.Where(t => !IsDisabled(configuration, t.Name)))
        {
            runs.Add(Task.Run(() => SuperviseAsync(timer.Name, "timer", () => ActivatorUtilities.CreateInstance<TimerRunner>(services, timer).RunAsync(_stopTaking.Token)), CancellationToken.None));
        }

        foreach (var queue in functions.Queues.Where(q => !IsDisabled(configuration, q.Name)))
        {
            runs.Add(Task.Run(() => SuperviseAsync(queue.Name, "queue", () => ActivatorUtilities.CreateInstance<QueueListener>(services, queue).RunAsync(_stopTaking.Token, _abort.Token)), CancellationToken.None));
        }

        _running = Task.WhenAll(runs);
        return Task.CompletedTask;
    }

    /// <summary>Stops taking work, waits for handlers until the host's shutdown deadline, then aborts them.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopTaking.CancelAsync();
        using var deadline = cancellationToken.Register(_abort.Cancel);
        await _running;
    }

    /// <summary>
    /// The Functions setting <c>AzureWebJobs.{name}.Disabled</c> (or <c>AzureWebJobs__{name}__Disabled</c>) turns a
    /// trigger off, standalone as under the Functions host.
    /// </summary>
    internal static bool IsDisabled(IConfiguration configuration, string name) =>
        configuration.GetValue($"AzureWebJobs:{name}:Disabled", false) || configuration.GetValue($"AzureWebJobs.{name}.Disabled", false);

    /// <summary>Runs a trigger until the host stops; one that fails is logged, reported and started again after a back-off.</summary>
    private async Task SuperviseAsync(string function, string kind, Func<Task> run)
    {
        var delay = Backoff.Default.First;
        while (!_stopTaking.IsCancellationRequested)
        {
            try
            {
                await run();
                return;
            }
            catch (OperationCanceledException) when (_stopTaking.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // Logged and restarted; the other triggers keep running and the process never ends.
            catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
            {
                health.BackingOff(function, kind, e, delay);
                Log.TriggerRestarting(logger, e, function, delay);
            }

            try
            {
                await Task.Delay(delay, time, _stopTaking.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            delay = Backoff.Default.Next(delay);
        }
    }
}

using Omnichannel.LocalHost.Diagnostics;
using Omnichannel.LocalHost.Functions;

namespace Omnichannel.LocalHost.Triggers;

/// <summary>
/// Runs every timer and queue function of the app on the local host, as the Functions host's timer and queue
/// triggers do on Azure; a function turned off by <c>AzureWebJobs.{name}.Disabled</c> is not run.
/// </summary>
internal sealed class StandaloneTriggers(
    LocalFunctions functions,
    IServiceProvider services,
    IConfiguration configuration,
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
            var runner = ActivatorUtilities.CreateInstance<TimerRunner>(services, timer);
            runs.Add(Task.Run(() => ObserveAsync(timer.Name, runner.RunAsync(_stopTaking.Token)), CancellationToken.None));
        }

        foreach (var queue in functions.Queues.Where(q => !IsDisabled(configuration, q.Name)))
        {
            var listener = ActivatorUtilities.CreateInstance<QueueListener>(services, queue);
            runs.Add(Task.Run(() => ObserveAsync(queue.Name, listener.RunAsync(_stopTaking.Token, _abort.Token)), CancellationToken.None));
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

    /// <summary>A trigger that dies must say so: its function would otherwise go quiet unnoticed.</summary>
    private async Task ObserveAsync(string function, Task run)
    {
        try
        {
            await run;
        }
        catch (OperationCanceledException)
        {
        }
#pragma warning disable CA1031 // Logged as critical; the other triggers keep running.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Log.TriggerDied(logger, e, function);
        }
    }
}

using Microsoft.Extensions.Options;
using Omnichannel.Hosting.Declarations;
using Omnichannel.LocalHost.Configuration;
using Omnichannel.LocalHost.Diagnostics;
using Omnichannel.LocalHost.Functions;

namespace Omnichannel.LocalHost.Triggers;

/// <summary>
/// Runs every declared timer and queue function when the app runs standalone. Under the Functions host
/// it does nothing: the host owns the triggers and calls the invocation endpoint instead.
/// </summary>
internal sealed class StandaloneTriggers(
    IEnumerable<FunctionDefinition> functions,
    LocalFunctions discovered,
    IOptions<HubOptions> options,
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
        if (options.Value.UnderFunctionsHost)
        {
            return Task.CompletedTask;
        }

        var runs = new List<Task>();
        var timers = functions.OfType<TimerFunction>().Select(TimerTarget.From).Concat(discovered.Timers);
        var queues = functions.OfType<QueueFunction>().Select(QueueTarget.From).Concat(discovered.Queues);
        foreach (var timer in timers.Where(t => !IsDisabled(configuration, t.Name)))
        {
            var runner = ActivatorUtilities.CreateInstance<TimerRunner>(services, timer);
            runs.Add(Task.Run(() => ObserveAsync(timer.Name, runner.RunAsync(_stopTaking.Token)), CancellationToken.None));
        }

        foreach (var queue in queues.Where(q => !IsDisabled(configuration, q.Name)))
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

using DurableTask.Core;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;
using Omnichannel.Hosting.Health;

namespace Omnichannel.LocalHost.Durable;

/// <summary>
/// Hosted service running a DTFx <see cref="TaskHubWorker"/> over the task hub's Azure Storage service, with the
/// app's orchestrators run through <see cref="DurableTaskShimFactory"/>. Storage being unreachable never takes the
/// process down: the start is logged and retried with a back-off (1 s doubling to 1 min) until the host stops,
/// reported to <see cref="TriggerHealth"/> as <c>durable</c>; once started, DTFx's dispatchers retry storage failures
/// themselves (their own back-off) and the work comes back when storage does.
/// On stop, running activities see their CancellationToken cancelled and are abandoned, so another engine runs them.
/// </summary>
public sealed class LocalDurableEngine(
    LocalDurableTaskHub hub,
    DurableFunctionCatalog catalog,
    IServiceScopeFactory scopes,
    ILoggerFactory loggerFactory,
    TriggerHealth health,
    TimeProvider time) : IHostedService, IAsyncDisposable
{
    /// <summary>The engine's name in the health report's <c>triggers</c>.</summary>
    public const string HealthName = "durable";

    /// <summary>1 s doubling to 1 min between start attempts.</summary>
    private static readonly Backoff StartBackoff = new(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));

    private readonly ILogger logger = loggerFactory.CreateLogger<LocalDurableEngine>();
    private readonly CancellationTokenSource stopping = new();
    private readonly TaskCompletionSource started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? run;
    private TaskHubWorker? worker;

    /// <summary>Completes once the worker runs (it may never, while storage is unreachable).</summary>
    public Task Started => this.started.Task;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        this.run ??= Task.Run(() => this.RunAsync(this.stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (this.stopping.IsCancellationRequested)
        {
            return;
        }

        await this.stopping.CancelAsync();
        if (this.run is { } running)
        {
            await running.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        if (this.worker is { } current)
        {
            this.worker = null;
            try
            {
                // Forced: a graceful DTFx stop waits out its queue long-polls (tens of seconds). Activities in flight
                // have already been aborted (their messages return to the queue) and an orchestration episode cut
                // short is redelivered when its message's visibility ends, as after a crash.
                await current.StopAsync(isForced: true).WaitAsync(cancellationToken);
                DurableLog.Stopped(this.logger, hub.Options.HubName);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                DurableLog.StopFailed(this.logger, e, hub.Options.HubName);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await this.StopAsync(CancellationToken.None);
        this.stopping.Dispose();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var delay = StartBackoff.First;
        while (!cancellationToken.IsCancellationRequested)
        {
            TaskHubWorker? candidate = null;
            try
            {
                await hub.Service.CreateIfNotExistsAsync().WaitAsync(cancellationToken);
                candidate = this.CreateWorker(cancellationToken);
                await candidate.StartAsync().WaitAsync(cancellationToken);
                this.worker = candidate;
                this.started.TrySetResult();
                health.Running(HealthName, HealthName);
                DurableLog.Started(this.logger, hub.Options.HubName, catalog.Orchestrators.Count, catalog.Activities.Count);
                return;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await StopQuietlyAsync(candidate);
                return;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                await StopQuietlyAsync(candidate);
                health.BackingOff(HealthName, HealthName, e, delay);
                DurableLog.StartFailed(this.logger, e, hub.Options.HubName, delay);
                try
                {
                    await Task.Delay(delay, time, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                delay = StartBackoff.Next(delay);
            }
        }
    }

    private TaskHubWorker CreateWorker(CancellationToken cancellationToken)
    {
        var converter = LocalDurableJson.CreateConverter();
        var shims = new DurableTaskShimFactory(new DurableTaskWorkerOptions
        {
            DataConverter = converter,
            MaximumTimerInterval = hub.Options.MaximumTimerInterval,
        }, loggerFactory);

        var orchestrations = new DurableObjectManager<TaskOrchestration>(name =>
            catalog.Orchestrators.TryGetValue(name, out var f) ? new FunctionOrchestration(f, scopes, shims, converter) : null);
        var activities = new DurableObjectManager<TaskActivity>(name =>
            catalog.Activities.TryGetValue(name, out var f) ? shims.CreateActivity(f.Name, new FunctionActivity(f, scopes, cancellationToken)) : null);

        var created = new TaskHubWorker(hub.Service, orchestrations, activities, loggerFactory)
        {
            ErrorPropagationMode = ErrorPropagationMode.UseFailureDetails,
        };
        created.AddOrchestrationDispatcherMiddleware(new ParentInstanceMiddleware(hub.Options.ExtendedSessionsEnabled).InvokeAsync);
        return created;
    }

    private static async Task StopQuietlyAsync(TaskHubWorker? candidate)
    {
        if (candidate is null)
        {
            return;
        }

        try
        {
            await candidate.StopAsync(isForced: true);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // It never ran; nothing to report beyond the start failure.
            _ = e;
        }
    }
}

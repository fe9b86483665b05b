using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Omnichannel.Durable.Activities;
using Omnichannel.Durable.Registration;

namespace Omnichannel.Durable.Dispatch;

/// <summary>
/// The dispatcher, a hosted service of the hub process: one listener per control queue plus the work-item
/// listener. Several hosts (or several workers in one process) may run on the same storage.
/// </summary>
internal sealed class DurableWorker : BackgroundService
{
    private static readonly TimeSpan StartRetryDelay = TimeSpan.FromSeconds(5);
    private readonly DurableRuntime _runtime;
    private readonly ActivityRunner _activities;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _logger;

    public DurableWorker(DurableRuntime runtime, DurableRegistry registry, IServiceProvider services, IServiceScopeFactory scopes, ILoggerFactory loggers)
    {
        _runtime = runtime;
        _loggers = loggers;
        _logger = loggers.CreateLogger<DurableWorker>();
        _activities = new ActivityRunner(registry, scopes, runtime.Time, runtime.Options.MaxConcurrentActivities);
        Episodes = new EpisodeRunner(runtime, registry, _activities, services, runtime.Time, loggers.CreateLogger<EpisodeRunner>());
    }

    /// <summary>The episode runner, exposed for tests that fail a checkpoint on purpose.</summary>
    public EpisodeRunner Episodes { get; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var options = _runtime.Options;
        if (!options.EnableWorker)
        {
            Log.WorkerDisabled(_logger);
            return;
        }

        while (true)
        {
            try
            {
                await _runtime.EnsureCreatedAsync(stoppingToken);
                break;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (IsStorageUnreachable(e))
            {
                Log.ReceiveFailed(_logger, e, options.QueuePrefix);
                await Task.Delay(StartRetryDelay, stoppingToken);
            }
        }

        Log.WorkerStarted(_logger, options.PartitionCount, options.QueuePrefix, options.RunActivitiesInline);
        var gate = new InstanceGate();
        var listenerLogger = _loggers.CreateLogger<QueueListener>();
        var listeners = Enumerable.Range(0, options.PartitionCount)
            .Select(p => (QueueListener)new ControlQueueListener(p, _runtime, Episodes, gate, listenerLogger))
            .Append(new WorkItemListener(_runtime, _activities, listenerLogger));
        await Task.WhenAll(listeners.Select(l => Task.Run(() => l.RunAsync(stoppingToken), CancellationToken.None)));
    }

    /// <summary>
    /// Storage down or refusing at start: wait and try again rather than stop the host (whose health endpoint
    /// should then answer 503). The SDK wraps transport failures that outlast its retries in an AggregateException.
    /// </summary>
    private static bool IsStorageUnreachable(Exception e) =>
        e is Omnichannel.Storage.Errors.StorageException or Azure.RequestFailedException or HttpRequestException or System.Net.Sockets.SocketException
        || (e is AggregateException aggregate && aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(IsStorageUnreachable));
}

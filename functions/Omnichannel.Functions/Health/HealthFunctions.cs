using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using Omnichannel.Hosting.Health;
using Omnichannel.Storage.Connection;

namespace Omnichannel.Functions.Health;

/// <summary>
/// <c>GET /api/health</c>: the app, each storage service it can reach and each trigger listener of this host
/// (<see cref="TriggerHealth"/>); 503 when a service is unreachable or a listener is backing off.
/// </summary>
public sealed class HealthFunctions(StorageAccount storage, TriggerHealth triggers)
{
    public const string Name = "HealthGet";

    [Function(Name)]
    public async Task<Results<Ok<HealthReport>, JsonHttpResult<HealthReport>>> CheckAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        var checks = await Task.WhenAll(
            ProbeAsync("table", () => storage.Tables.GetPropertiesAsync(timeout.Token)),
            ProbeAsync("queue", () => storage.Queues.GetPropertiesAsync(timeout.Token)),
            ProbeAsync("blob", () => storage.Blobs.GetPropertiesAsync(timeout.Token)));
        var listeners = triggers.Snapshot();
        var healthy = checks.All(c => c.Status == "ok") && listeners.All(t => t.Status == TriggerStatus.Running);
        var report = new HealthReport(healthy ? "ok" : "degraded", storage.Description, checks.ToDictionary(c => c.Service, c => c), listeners);
        return healthy ? TypedResults.Ok(report) : TypedResults.Json(report, statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<ServiceHealth> ProbeAsync(string service, Func<Task> probe)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            await probe();
            return new ServiceHealth(service, "ok", watch.ElapsedMilliseconds, null);
        }
#pragma warning disable CA1031 // A health probe reports every failure instead of throwing.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return new ServiceHealth(service, "unreachable", watch.ElapsedMilliseconds, e.GetType().Name);
        }
    }
}

/// <summary>The health answer.</summary>
public sealed record HealthReport(string Status, string Storage, IReadOnlyDictionary<string, ServiceHealth> Services, IReadOnlyList<TriggerState> Triggers);

/// <summary>One storage service's probe.</summary>
public sealed record ServiceHealth(string Service, string Status, long Milliseconds, string? Error);

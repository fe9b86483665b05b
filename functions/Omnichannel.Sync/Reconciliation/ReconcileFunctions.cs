using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace Omnichannel.Sync.Reconciliation;

/// <summary>Reconciliation (<see cref="Reconciler.RunAsync"/>) on its schedule, and on demand (<c>POST /api/sync/reconcile</c>).</summary>
public sealed class ReconcileFunctions(Reconciler reconciler)
{
    [Function("SyncStockReconcile")]
    public Task RunAsync([TimerTrigger("%Sync:ReconcileSchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        reconciler.RunAsync(cancellationToken);

    [Function("SyncReconciliationPost")]
    public async Task<Ok<ReconcileReport>> RunNowAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "sync/reconcile")] HttpRequest request, CancellationToken cancellationToken) =>
        TypedResults.Ok(await reconciler.RunAsync(cancellationToken));
}

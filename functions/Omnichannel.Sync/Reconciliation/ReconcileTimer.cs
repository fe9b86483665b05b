using Omnichannel.Hosting.Declarations;

namespace Omnichannel.Sync.Reconciliation;

/// <summary>Timer function running <see cref="Reconciler.RunAsync"/>.</summary>
public sealed class ReconcileTimer(Reconciler reconciler) : ITimerHandler
{
    public Task RunAsync(TimerInvocation timer, CancellationToken cancellationToken) => reconciler.RunAsync(cancellationToken);
}

namespace Omnichannel.Events.Outbox;

/// <summary>
/// Told right after a commit wrote outbox rows, so they go out at once (the prompt dispatch); the sweep delivers
/// whatever a signal did not (a crash after the commit). Never throws for a delivery problem.
/// </summary>
public interface IOutboxSignal
{
    Task CommittedAsync(OutboxPartition partition, CancellationToken cancellationToken);
}

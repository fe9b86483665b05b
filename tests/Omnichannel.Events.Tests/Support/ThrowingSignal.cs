using Omnichannel.Events.Outbox;

namespace Omnichannel.Events.Tests.Support;

/// <summary>The host "dies" right after the commit: the prompt dispatch never runs and the caller sees a failure.</summary>
internal sealed class ThrowingSignal : IOutboxSignal
{
    public int Calls { get; private set; }

    public Task CommittedAsync(OutboxPartition partition, CancellationToken cancellationToken)
    {
        Calls++;
        throw new OperationCanceledException("The host stopped right after the commit.");
    }
}

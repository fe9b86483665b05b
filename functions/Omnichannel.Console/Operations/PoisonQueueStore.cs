using Azure.Storage.Queues.Models;
using Omnichannel.Storage.Connection;
using Omnichannel.Storage.Errors;

namespace Omnichannel.OperationsConsole.Operations;

/// <summary>The account's poison queues (every queue named <c>*-poison</c>, where the triggers put what failed too often).</summary>
public sealed class PoisonQueueStore(StorageAccount storage)
{
    /// <summary>Every poison queue and about how many messages it holds, in the order the account lists them.</summary>
    public async Task<IReadOnlyList<PoisonQueue>> ListAsync(CancellationToken cancellationToken)
    {
        var found = new List<PoisonQueue>();
        await StorageCall.RunAsync(async () =>
        {
            await foreach (var queue in storage.Queues.GetQueuesAsync(QueueTraits.Metadata, cancellationToken: cancellationToken))
            {
                if (!queue.Name.EndsWith("-poison", StringComparison.Ordinal))
                {
                    continue;
                }

                var properties = await storage.Queues.GetQueueClient(queue.Name).GetPropertiesAsync(cancellationToken);
                found.Add(new PoisonQueue(queue.Name, properties.Value.ApproximateMessagesCount));
            }
        });
        return found;
    }
}

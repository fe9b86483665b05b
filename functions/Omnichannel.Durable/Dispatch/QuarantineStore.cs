using Azure.Data.Tables;
using Omnichannel.Durable.Model;
using Omnichannel.Durable.Storage;
using Omnichannel.Storage.Errors;

namespace Omnichannel.Durable.Dispatch;

/// <summary>A message taken out of circulation after failing too often.</summary>
/// <param name="Id">The queue message id.</param>
/// <param name="Queue">Where it came from, and where a requeue sends it.</param>
/// <param name="InstanceId">Its instance, when the message could be read.</param>
/// <param name="Content">The message text as it was.</param>
/// <param name="Error">The last failure, bounded.</param>
/// <param name="DequeueCount">How often it was taken.</param>
/// <param name="QuarantinedAt">When.</param>
public sealed record QuarantinedMessage(string Id, string Queue, string? InstanceId, string Content, string Error, long DequeueCount, DateTimeOffset QuarantinedAt);

/// <summary>
/// Poison handling that ends: after the configured number of dequeues a message is stored here with its
/// content and error, its instance is marked Failed with the reason, and operators can list and requeue it.
/// </summary>
internal sealed class QuarantineStore(TableClient table, PayloadStore payloads, InstanceStore instances, WorkQueues queues, TimeProvider time)
{
    private const string Partition = "q";

    public async Task QuarantineAsync(string queue, string messageId, string content, WorkMessage? message, string error, long dequeueCount, CancellationToken cancellationToken)
    {
        var stored = await payloads.StoreAsync(message?.InstanceId ?? "quarantine", content, PayloadStore.MaxTableChars, cancellationToken);
        var bounded = TaskFailureDetails.Bound(error, 4096);
        await StorageCall.TryCreateAsync(() => table.AddEntityAsync(
            new TableEntity(Partition, TableKeys.Escape(messageId))
            {
                ["Queue"] = queue,
                ["InstanceId"] = message?.InstanceId,
                ["Content"] = stored,
                ["Error"] = bounded,
                ["DequeueCount"] = dequeueCount,
                ["QuarantinedAt"] = time.GetUtcNow(),
            },
            cancellationToken));
        if (message is not null)
        {
            await FailInstanceAsync(message, $"Message {messageId} ({message.Event.Kind}) was quarantined after {dequeueCount} attempts: {bounded}", cancellationToken);
        }
    }

    public async Task<IReadOnlyList<QuarantinedMessage>> ListAsync(CancellationToken cancellationToken) =>
        await StorageCall.RunAsync(async () =>
        {
            var list = new List<QuarantinedMessage>();
            await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), cancellationToken: cancellationToken))
            {
                list.Add(new QuarantinedMessage(
                    TableKeys.Unescape(row.RowKey),
                    row.GetString("Queue") ?? string.Empty,
                    row.GetString("InstanceId"),
                    row.GetString("Content") ?? string.Empty,
                    row.GetString("Error") ?? string.Empty,
                    row.GetInt64("DequeueCount") ?? 0,
                    row.GetDateTimeOffset("QuarantinedAt") ?? default));
            }

            return list;
        });

    /// <summary>Sends the message back to its queue, marked as requeued, and removes it from quarantine. False when unknown.</summary>
    public async Task<bool> RequeueAsync(string id, CancellationToken cancellationToken)
    {
        var row = await StorageCall.TryGetAsync(async () => (await table.GetEntityAsync<TableEntity>(Partition, TableKeys.Escape(id), cancellationToken: cancellationToken)).Value);
        if (row is null)
        {
            return false;
        }

        var content = await payloads.ResolveAsync(row.GetString("Content"), cancellationToken) ?? string.Empty;
        var queueName = row.GetString("Queue");
        var queue = queues.Control.Append(queues.WorkItems).FirstOrDefault(q => q.Name == queueName) ?? throw new InvalidOperationException($"Queue '{queueName}' is not one of this runtime's queues.");
        try
        {
            var message = await queues.DecodeAsync(content, cancellationToken);
            content = await queues.EncodeAsync(message with { Requeued = true }, cancellationToken);
        }
        catch (System.Text.Json.JsonException)
        {
            // Not readable as a message: send it back as it was, the operator asked for it.
        }

        await StorageCall.RunAsync(() => queue.SendMessageAsync(content, null, TimeSpan.FromSeconds(-1), cancellationToken));
        await StorageCall.RunAsync(() => table.DeleteEntityAsync(Partition, row.RowKey, cancellationToken: cancellationToken));
        return true;
    }

    private async Task FailInstanceAsync(WorkMessage message, string reason, CancellationToken cancellationToken) =>
        await StorageCall.RetryOnConflictAsync(async () =>
        {
            var state = await instances.GetAsync(message.InstanceId, cancellationToken);
            if (state is null || state.Status.IsTerminal())
            {
                return false;
            }

            state.Status = OrchestrationRuntimeStatus.Failed;
            state.Failure = new TaskFailureDetails(TaskFailureDetails.QuarantinedType, reason);
            state.LastUpdatedTime = time.GetUtcNow();
            await instances.ReplaceAsync(state, cancellationToken);
            return true;
        });
}

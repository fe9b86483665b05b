using System.Text;
using Azure.Storage.Queues;
using Omnichannel.Durable.Model;
using Omnichannel.Durable.Storage;
using Omnichannel.Storage.Errors;

namespace Omnichannel.Durable.Dispatch;

/// <summary>
/// The partitioned control queues (one per partition; an instance always maps to the same one) and the
/// shared work-item queue. Messages never expire (timers may wait months) and move to a blob when too
/// large for a queue message.
/// </summary>
internal sealed class WorkQueues
{
    private static readonly TimeSpan NeverExpires = TimeSpan.FromSeconds(-1);
    private readonly PayloadStore _payloads;

    public WorkQueues(QueueServiceClient queues, string prefix, int partitionCount, PayloadStore payloads, WakeSignals signals)
    {
        Control = Enumerable.Range(0, partitionCount).Select(i => queues.GetQueueClient($"{prefix}-control-{i:D2}")).ToArray();
        WorkItems = queues.GetQueueClient($"{prefix}-workitems");
        _payloads = payloads;
        Signals = signals;
    }

    public QueueClient[] Control { get; }

    public QueueClient WorkItems { get; }

    public WakeSignals Signals { get; }

    /// <summary>Stable across processes and runs (string.GetHashCode is not): FNV-1a over the id.</summary>
    public int PartitionOf(string instanceId)
    {
        var hash = 2166136261u;
        foreach (var c in instanceId)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % (uint)Control.Length);
    }

    public QueueClient ControlFor(string instanceId) => Control[PartitionOf(instanceId)];

    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        foreach (var queue in Control.Append(WorkItems))
        {
            await StorageCall.RunAsync(() => queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken));
        }
    }

    /// <summary>Sends to the instance's control queue, visible after <paramref name="delay"/> (at most 7 days).</summary>
    public async Task SendAsync(WorkMessage message, TimeSpan delay, CancellationToken cancellationToken)
    {
        var partition = PartitionOf(message.InstanceId);
        var text = await EncodeAsync(message, cancellationToken);
        await StorageCall.RunAsync(() => Control[partition].SendMessageAsync(text, delay > TimeSpan.Zero ? delay : null, NeverExpires, cancellationToken));
        if (delay <= TimeSpan.Zero)
        {
            Signals.Wake(partition);
        }
    }

    public async Task SendWorkItemAsync(WorkMessage message, CancellationToken cancellationToken)
    {
        var text = await EncodeAsync(message, cancellationToken);
        await StorageCall.RunAsync(() => WorkItems.SendMessageAsync(text, null, NeverExpires, cancellationToken));
        Signals.Wake(Signals.WorkItems);
    }

    public async Task<WorkMessage> DecodeAsync(string text, CancellationToken cancellationToken)
    {
        var json = await _payloads.ResolveAsync(text, cancellationToken);
        return DurableJson.Deserialize<WorkMessage>(json) ?? throw new FormatException("Empty work message.");
    }

    public async Task<string> EncodeAsync(WorkMessage message, CancellationToken cancellationToken)
    {
        var json = DurableJson.Serialize(message)!;
        return Encoding.UTF8.GetByteCount(json) <= PayloadStore.MaxQueueBytes
            ? json
            : (await _payloads.StoreAsync(message.InstanceId, json, 0, cancellationToken))!;
    }
}

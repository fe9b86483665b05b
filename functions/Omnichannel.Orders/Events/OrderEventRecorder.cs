using Omnichannel.Events.Model;
using Omnichannel.Events.Outbox;

namespace Omnichannel.Orders.Events;

/// <summary>
/// Records an order's lifecycle event in the events outbox, from inside the activity that made the change (so
/// orchestrators stay deterministic and no activity is added for it). The id derives from the order id, the type,
/// the step and what tells two such events apart (a parcel, a return): a retry, replay or rewind of the activity
/// records the same event once.
/// </summary>
public sealed class OrderEventRecorder(EventOutbox outbox, TimeProvider time)
{
    public Task RecordAsync(string type, OrderEventData data, CancellationToken cancellationToken, string? discriminator = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var e = new HubEvent(HubEventId.For(type, data.OrderId, data.Step, discriminator ?? string.Empty), type, data.OrderId, time.GetUtcNow(), EventJson.Data(data));
        return outbox.RecordAsync(data.OrderId, [e], cancellationToken);
    }
}

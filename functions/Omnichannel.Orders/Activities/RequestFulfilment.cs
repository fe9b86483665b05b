using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Omnichannel.Orders.Configuration;
using Omnichannel.Orders.Flow;
using Omnichannel.Orders.Fulfilment;
using Omnichannel.Orders.Storage;

namespace Omnichannel.Orders.Activities;

/// <summary>
/// Hands the order to each location it was reserved at: a signed webhook where the location has an endpoint
/// (warehouse, 3PL), otherwise a pick list kept on the order for the store's staff. Recorded on the order.
/// </summary>
public sealed class RequestFulfilment(
    FulfilmentSender sender,
    OrderStore store,
    IOptions<OrdersOptions> options,
    TimeProvider time,
    ILogger<RequestFulfilment> logger)
{
    public const string Name = nameof(RequestFulfilment);

    [Function(Name)]
    public async Task<IReadOnlyList<FulfilmentRecord>> RunAsync([ActivityTrigger] FulfilmentInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var records = new List<FulfilmentRecord>();
        foreach (var group in input.Allocations.GroupBy(a => a.Location, StringComparer.Ordinal))
        {
            var items = group.Select(a => new PickItem(a.ChannelLineId, a.Sku, a.Quantity)).ToList();
            var mode = "pickList";
            if (options.Value.Fulfilment.TryGetValue(group.Key, out var endpoint))
            {
                var request = new
                {
                    input.OrderId,
                    input.Order.Channel,
                    input.Order.ChannelOrderId,
                    input.Order.ChannelOrderNumber,
                    Location = group.Key,
                    ShipTo = input.Order.ShippingAddress,
                    ServiceLevel = input.Order.Fulfilment.Network,
                    Items = items,
                    input.Order.Notes,
                };
                await sender.SendAsync(endpoint, request, FlowKeys.Fulfilment(input.OrderId, group.Key), cancellationToken);
                mode = "webhook";
            }

            records.Add(new FulfilmentRecord(group.Key, mode, time.GetUtcNow(), items, input.Order.Notes));
            Log.FulfilmentRequested(logger, input.OrderId, group.Key, mode);
        }

        await store.RecordFulfilmentAsync(input.OrderId, records, cancellationToken);
        return records;
    }
}

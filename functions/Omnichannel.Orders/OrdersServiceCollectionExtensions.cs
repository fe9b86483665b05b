using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Omnichannel.Channels.Configuration;
using Omnichannel.Channels.Outbound;
using Omnichannel.Durable;
using Omnichannel.Hosting.Declarations;
using Omnichannel.Orders.Activities;
using Omnichannel.Orders.Configuration;
using Omnichannel.Orders.Demo;
using Omnichannel.Orders.Flow;
using Omnichannel.Orders.Fulfilment;
using Omnichannel.Orders.Http;
using Omnichannel.Orders.Intake;
using Omnichannel.Orders.Returns;
using Omnichannel.Orders.Storage;

namespace Omnichannel.Orders;

/// <summary>Registers the order flow and its operations API.</summary>
public static class OrdersServiceCollectionExtensions
{
    /// <summary>
    /// Declares the queue functions <c>OrdersFromChannels</c> on the channels' order queue and
    /// <c>OrdersStockChanged</c> on the ledger's stock-changed copy queue (wakes backorders), the orchestrator
    /// <see cref="OrderFlow"/> with its activities, and the routes <c>GET /api/orders</c>,
    /// <c>GET /api/orders/{id}</c>, <c>POST /api/orders/{id}/replay|cancel|map-sku|ready-for-pickup|picked-up</c> and
    /// <c>POST /api/orders/{id}/returns</c> (and <c>/returns/{returnId}/replay</c>) with the <see cref="OrderReturnFlow"/>
    /// orchestrator, and <c>POST /api/shipments/{orderId}</c> (function key).
    /// </summary>
    public static IServiceCollection AddOrders(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<OrdersOptions>()
            .Bind(configuration.GetSection(OrdersOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OrdersOptions>, OrdersOptionsValidator>());
        services.TryAddSingleton<OrderStore>();
        services.TryAddSingleton<OrderReturnStore>();
        services.TryAddSingleton<BackorderIndex>();
        services.TryAddSingleton<ArchivedOrderReader>();
        services.TryAddSingleton<LocationPlanner>();
        services.TryAddSingleton<FulfilmentSender>();
        services.AddOptionalChannelCalls();
        services.TryAddSingleton<IOrderChannels, ChannelClientsAdapter>();
        services.TryAddSingleton<DemoCatalogue>();
        services.AddHostedService(sp => sp.GetRequiredService<DemoCatalogue>());
        services.AddHttpClient(FulfilmentSender.ClientName, c => c.Timeout = TimeSpan.FromSeconds(30));

        services.AddOrchestrator<OrderFlow>(OrderFlow.Name)
            .AddActivity<ReceiveOrder>(ReceiveOrder.Name)
            .AddActivity<MatchOrderLines>(MatchOrderLines.Name)
            .AddActivity<ReserveStock>(ReserveStock.Name)
            .AddActivity<RecordChannelSale>(RecordChannelSale.Name)
            .AddActivity<RequestFulfilment>(RequestFulfilment.Name)
            .AddActivity<ShipStock>(ShipStock.Name)
            .AddActivity<ReleaseStock>(ReleaseStock.Name)
            .AddActivity<ReportTracking>(ReportTracking.Name)
            .AddActivity<ReportReadyForPickup>(ReportReadyForPickup.Name)
            .AddActivity<AcknowledgeCancellation>(AcknowledgeCancellation.Name)
            .AddActivity<RaiseOrderAlert>(RaiseOrderAlert.Name)
            .AddActivity<FlagOrder>(FlagOrder.Name)
            .AddActivity<IndexBackorder>(IndexBackorder.Name)
            .AddActivity<ReadStoredOrder>(ReadStoredOrder.Name);
        services.AddOrchestrator<OrderReturnFlow>(OrderReturnFlow.Name)
            .AddActivity<RestockReturn>(RestockReturn.Name)
            .AddActivity<ReportReturn>(ReportReturn.Name);

        var queue = configuration.GetSection(ChannelsOptions.Section)[nameof(ChannelsOptions.OrderQueue)] ?? new ChannelsOptions().OrderQueue;
        var polling = configuration.GetSection(OrdersOptions.Section).Get<OrdersOptions>()?.IntakePollingInterval is { } p && p > TimeSpan.Zero ? p : new OrdersOptions().IntakePollingInterval;
        services.AddQueueFunction<ChannelOrderQueueHandler>(
            "OrdersFromChannels", queue, new QueueTriggerOptions { BatchSize = 16, MaxDequeueCount = 5, RetryDelay = TimeSpan.FromSeconds(5), MaxPollingInterval = polling });
        var changes = configuration["Ledger:StockChangedCopyQueue"] ?? "stock-changed-orders";
        services.AddQueueFunction<BackorderWaker>("OrdersStockChanged", changes, new QueueTriggerOptions { BatchSize = 16, MaxDequeueCount = 5, RetryDelay = TimeSpan.FromSeconds(5), MaxPollingInterval = polling });

        return services
            .AddHttpFunction("OrdersList", "orders", AuthorizationLevel.Function, OrderQueries.ListAsync, "GET")
            .AddHttpFunction("OrdersGet", "orders/{id}", AuthorizationLevel.Function, OrderQueries.GetAsync, "GET")
            .AddHttpFunction("OrdersReplay", "orders/{id}/replay", AuthorizationLevel.Function, OrderCommands.ReplayAsync, "POST")
            .AddHttpFunction("OrdersCancel", "orders/{id}/cancel", AuthorizationLevel.Function, OrderCommands.CancelAsync, "POST")
            .AddHttpFunction("OrdersMapSku", "orders/{id}/map-sku", AuthorizationLevel.Function, OrderCommands.MapSkuAsync, "POST")
            .AddHttpFunction("OrdersReadyForPickup", "orders/{id}/ready-for-pickup", AuthorizationLevel.Function, PickupCommands.ReadyAsync, "POST")
            .AddHttpFunction("OrdersReturn", "orders/{id}/returns", AuthorizationLevel.Function, ReturnCommands.CreateAsync, "POST")
            .AddHttpFunction("OrdersReturnReplay", "orders/{id}/returns/{returnId}/replay", AuthorizationLevel.Function, ReturnCommands.ReplayAsync, "POST")
            .AddHttpFunction("OrdersPickedUp", "orders/{id}/picked-up", AuthorizationLevel.Function, PickupCommands.PickedUpAsync, "POST")
            .AddHttpFunction("ShipmentsConfirm", "shipments/{orderId}", AuthorizationLevel.Function, OrderCommands.ConfirmShipmentAsync, "POST");
    }

    private sealed class OrdersOptionsValidator : IValidateOptions<OrdersOptions>
    {
        public ValidateOptionsResult Validate(string? name, OrdersOptions options) =>
            options.Invalid() is { } invalid
                ? ValidateOptionsResult.Fail($"Setting '{OrdersOptions.Section}:{invalid}' is missing or out of range (see OrdersOptions).")
                : ValidateOptionsResult.Success;
    }
}

using Microsoft.Extensions.Options;
using Omnichannel.Ledger.Catalogue;
using Omnichannel.Ledger.Stock;
using Omnichannel.LocalHost.Diagnostics;
using Omnichannel.Orders.Configuration;

namespace Omnichannel.LocalHost.Demo;

/// <summary>
/// Seeds the demo catalogue on an empty store when <see cref="OrdersOptions.SeedDemo"/> is true. Every write is
/// an upsert or a keyed receipt, so two hosts seeding at once, or a seed cut short and run again, end the same.
/// </summary>
public sealed class DemoCatalogue(
    CatalogueStore catalogue,
    LocationStore locations,
    StockLedger ledger,
    IOptions<OrdersOptions> options,
    ILogger<DemoCatalogue> logger) : IHostedService
{
    public static readonly IReadOnlyList<Location> Locations =
    [
        new("store-berlin", "Store Berlin", LocationKind.Store, ShipsOnline: true, Pickup: true),
        new("wh-main", "Main warehouse", LocationKind.Warehouse),
        new("fba-eu", "Amazon FBA EU", LocationKind.ChannelFulfilled, ShipsOnline: false, FulfilledChannel: "amazon"),
    ];

    public static readonly IReadOnlyList<Product> Products =
    [
        new("DEMO-TEE", "Organic tee, red, M", Gtin: "4006381333931", ReorderPoint: 50),
        new("DEMO-MUG", "Enamel mug"),
        new("DEMO-CAP", "Canvas cap", ReorderPoint: 10),
    ];

    public static readonly IReadOnlyList<(string Sku, string Location, int Quantity)> Stock =
    [
        ("DEMO-TEE", "store-berlin", 200), ("DEMO-TEE", "wh-main", 300), ("DEMO-TEE", "fba-eu", 200),
        ("DEMO-MUG", "wh-main", 40), ("DEMO-MUG", "store-berlin", 12),
        ("DEMO-CAP", "wh-main", 25),
    ];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.SeedDemo)
        {
            await SeedIfEmptyAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Seeds when no location exists; true when it seeded.</summary>
    public async Task<bool> SeedIfEmptyAsync(CancellationToken cancellationToken)
    {
        if ((await locations.GetAllAsync(cancellationToken)).Count > 0)
        {
            return false;
        }

        foreach (var location in Locations)
        {
            await catalogue.UpsertLocationAsync(location, cancellationToken);
        }

        foreach (var product in Products)
        {
            await catalogue.UpsertProductAsync(product, cancellationToken);
        }

        foreach (var (sku, location, quantity) in Stock)
        {
            var outcome = await ledger.RecordAsync(new MovementCommand(sku, MovementKind.Receipt, location, quantity, $"demo-seed:{sku}:{location}", Reason: "demo seed"), cancellationToken);
            if (outcome.Rejection is { } rejection)
            {
                throw new InvalidOperationException($"Demo seed refused: {rejection.Message}");
            }
        }

        Log.DemoSeeded(logger, Products.Count, Locations.Count);
        return true;
    }
}

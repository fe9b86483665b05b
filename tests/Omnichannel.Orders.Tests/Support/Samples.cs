using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Ledger.Catalogue;
using Omnichannel.Ledger.Stock;
using Omnichannel.Orders.Model;

namespace Omnichannel.Orders.Tests.Support;

/// <summary>A small catalogue (store 200 / warehouse 300 / FBA 200 of the tee, 5 mugs in the warehouse) and sample orders.</summary>
public static class Samples
{
    public const string Tee = "TEE-RED-M";
    public const string Mug = "MUG-01";
    public const string Store = "store-1";
    public const string Warehouse = "wh-1";
    public const string Fba = "fba-1";

    public static async Task SeedAsync(IServiceProvider services)
    {
        var catalogue = services.GetRequiredService<CatalogueStore>();
        var ledger = services.GetRequiredService<StockLedger>();
        await catalogue.UpsertLocationAsync(new Location(Store, "Store Berlin", LocationKind.Store, ShipsOnline: true, Pickup: true), default);
        await catalogue.UpsertLocationAsync(new Location(Warehouse, "Warehouse", LocationKind.Warehouse), default);
        await catalogue.UpsertLocationAsync(new Location(Fba, "Amazon FBA", LocationKind.ChannelFulfilled, ShipsOnline: false, FulfilledChannel: "amazon"), default);
        await catalogue.UpsertProductAsync(new Product(Tee, "Tee red M"), default);
        await catalogue.UpsertProductAsync(new Product(Mug, "Mug"), default);
        foreach (var (sku, location, quantity) in new[] { (Tee, Store, 200), (Tee, Warehouse, 300), (Tee, Fba, 200), (Mug, Warehouse, 5) })
        {
            var outcome = await ledger.RecordAsync(new MovementCommand(sku, MovementKind.Receipt, location, quantity, $"seed:{sku}:{location}"), default);
            Assert.Null(outcome.Rejection);
        }
    }

    /// <summary>A Shopify orders/create body with one line per (sku, quantity).</summary>
    public static string Shopify(long id, params (string Sku, int Quantity)[] lines) => JsonSerializer.Serialize(new
    {
        id,
        name = $"#{id % 10000}",
        email = "buyer@example.com",
        created_at = "2026-11-25T09:00:00Z",
        updated_at = "2026-11-25T09:00:01Z",
        cancelled_at = (string?)null,
        currency = "EUR",
        financial_status = "paid",
        shipping_address = new { name = "Ann Buyer", address1 = "Main St 1", city = "Berlin", zip = "10115", country_code = "DE" },
        line_items = lines.Select((l, i) => new { id = (id * 10) + i, product_id = 9000 + i, variant_id = 9100 + i, sku = l.Sku, title = l.Sku, quantity = l.Quantity, price = "19.90" }),
        shipping_lines = new[] { new { code = "standard" } },
    });

    public static string ShopifyOrderId(long id) => OrderId.For("shopify", "main", id.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>A generic-schema order; <paramref name="fulfilment"/> as the schema writes it (kind, location).</summary>
    public static string Generic(string id, object? fulfilment, string eventType = "order.created", params (string Sku, int Quantity)[] lines) => JsonSerializer.Serialize(new
    {
        event_type = eventType,
        order = new
        {
            id,
            placed_at = "2026-11-25T09:00:00Z",
            currency = "EUR",
            lines = lines.Select((l, i) => new { id = $"{id}-{i}", sku = l.Sku, quantity = l.Quantity, unit_price = 19.9m }),
            fulfilment,
        },
    });

    /// <summary>The balance of a SKU at a location: (on hand, reserved).</summary>
    public static async Task<(int OnHand, int Reserved)> BalanceAsync(IServiceProvider services, string sku, string location)
    {
        var view = await services.GetRequiredService<StockReader>().GetAsync(sku, default);
        var balance = view!.Locations.Single(b => b.Location == location);
        return (balance.OnHand, balance.Reserved);
    }

    /// <summary>The kinds of the order's movements of a SKU, oldest first.</summary>
    public static async Task<IReadOnlyList<MovementKind>> MovementsAsync(IServiceProvider services, string sku, string orderId)
    {
        var page = await services.GetRequiredService<StockReader>().GetMovementsAsync(sku, 100, null, default);
        return page!.Items.Where(m => m.Source.OrderId == orderId).OrderBy(m => m.Sequence).Select(m => m.Kind).ToList();
    }
}

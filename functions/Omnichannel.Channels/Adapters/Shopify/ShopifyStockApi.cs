using System.Globalization;
using System.Text.Json;
using Omnichannel.Channels.Adapters.Common;
using Omnichannel.Channels.Configuration;
using Omnichannel.Channels.Outbound;

namespace Omnichannel.Channels.Adapters.Shopify;

/// <summary>
/// Shopify stock reads and batches. Read: <c>inventoryItem(id) { inventoryLevel(locationId) { quantities(names: ["available"]) } }</c>
/// (null item or level = unknown). Batch: one <c>inventorySetQuantities</c> with up to 250 quantities (Shopify caps
/// every GraphQL input array at 250). A mutation answering <c>userErrors</c> may have applied nothing, so the
/// quantities its errors name (<c>field: ["input","quantities","{i}",...]</c>) fail and the others are sent again.
/// </summary>
public sealed class ShopifyStockApi : IChannelStockReadApi, IChannelStockBatchApi
{
    /// <summary>Shopify's limit on any GraphQL input array.</summary>
    public const int MaxPerCall = 250;

    private const string LevelQuery =
        "query inventoryLevel($id: ID!, $locationId: ID!) { inventoryItem(id: $id) { inventoryLevel(locationId: $locationId) { quantities(names: [\"available\"]) { name quantity } } } }";

    private const string InventorySet =
        "mutation inventorySetQuantities($input: InventorySetQuantitiesInput!) { inventorySetQuantities(input: $input) { userErrors { field message } } }";

    public string Adapter => "shopify";

    public int MaxQuantitiesPerCall(ChannelAccount account) => StockBatchSize.Of(account, MaxPerCall);

    public async Task<int?> GetAvailableQuantityAsync(ChannelRequest request, ListingIds listing)
    {
        ArgumentNullException.ThrowIfNull(listing);
        var variables = new { id = Required(listing.ListingId, "ListingId"), locationId = Required(listing.LocationId, "LocationId") };
        using var answer = await ShopifyGraphQl.PostAsync(request, "inventoryLevel", LevelQuery, variables, idempotent: true);
        var level = answer.RootElement.GetProperty("data").GetProperty("inventoryItem");
        if (level.ValueKind != JsonValueKind.Object || !level.TryGetProperty("inventoryLevel", out level) || level.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        return level.GetProperty("quantities").EnumerateArray().Where(q => q.GetProperty("name").GetString() == "available").Select(q => q.Quantity("quantity")).FirstOrDefault();
    }

    public async Task<IReadOnlyList<ChannelApiException?>> SetAvailableQuantitiesAsync(ChannelRequest request, IReadOnlyList<ListingQuantity> listings)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(listings);
        var results = new ChannelApiException?[listings.Count];
        var pending = new List<int>();
        for (var i = 0; i < listings.Count; i++)
        {
            if (listings[i].ListingId is null || listings[i].LocationId is null)
            {
                results[i] = new ChannelApiException(request.Account.Channel, "inventorySetQuantities", null, "Shopify needs the inventory item id (ListingId) and the location id (LocationId).");
            }
            else
            {
                pending.Add(i);
            }
        }

        while (pending.Count > 0)
        {
            var refused = await SendAsync(request, pending.Select(i => listings[i]).ToList());
            if (refused.Count == 0)
            {
                break;
            }

            foreach (var (index, error) in refused)
            {
                results[pending[index]] = error;
            }

            pending = pending.Where((_, index) => !refused.ContainsKey(index)).ToList();
        }

        return results;
    }

    /// <summary>Sends one mutation; returns the refused quantities by position (every position when an error names none).</summary>
    private static async Task<Dictionary<int, ChannelApiException>> SendAsync(ChannelRequest request, IReadOnlyList<ListingQuantity> listings)
    {
        var variables = new
        {
            input = new
            {
                name = "available",
                reason = request.Account["InventoryReason"] ?? "correction",
                ignoreCompareQuantity = true,
                quantities = listings.Select(l => new { inventoryItemId = l.ListingId, locationId = l.LocationId, quantity = l.Quantity }).ToArray(),
            },
        };
        using var answer = await ShopifyGraphQl.PostAsync(request, "inventorySetQuantities", InventorySet, variables, idempotent: true);
        var refused = new Dictionary<int, ChannelApiException>();
        foreach (var error in answer.RootElement.GetProperty("data").GetProperty("inventorySetQuantities").GetProperty("userErrors").EnumerateArray())
        {
            var failure = new ChannelApiException(request.Account.Channel, "inventorySetQuantities", 200, error.GetRawText());
            if (Position(error) is { } position && position < listings.Count)
            {
                refused[position] = failure;
            }
            else
            {
                return Enumerable.Range(0, listings.Count).ToDictionary(i => i, _ => failure);
            }
        }

        return refused;
    }

    private static int? Position(JsonElement error) =>
        error.TryGetProperty("field", out var field) && field.ValueKind == JsonValueKind.Array && field.GetArrayLength() >= 3 &&
        field[0].GetString() == "input" && field[1].GetString() == "quantities" &&
        int.TryParse(field[2].GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var position)
            ? position
            : null;

    private static string Required(string? value, string name) =>
        value ?? throw new ArgumentException($"Shopify needs {name}.", nameof(value));
}

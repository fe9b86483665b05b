using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Events.Model;
using Omnichannel.Events.Tests.Support;
using Omnichannel.Ledger.Stock;
using Omnichannel.Testing;

namespace Omnichannel.Events.Tests.History;

public sealed class EventsFunctionsTests
{
    [Theory]
    [InlineData("from=yesterday")]
    [InlineData("from=2001-01-01T00:00:00Z")]
    [InlineData("type=omnichannel.order.teleported")]
    public async Task GetEvents_BadQueryValue_400Problem(string query)
    {
        await using var hub = await HubFactory.CreateAsync(EventsHarness.UniqueSettings());
        using var client = hub.CreateFunctionClient();

        using var response = await client.GetAsync($"/api/events?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task GetEvents_WithoutKey_Refused401()
    {
        await using var hub = await HubFactory.CreateAsync(EventsHarness.UniqueSettings());
        using var client = hub.CreateClient();

        using var response = await client.GetAsync("/api/events");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task GetEvents_AfterMovements_ListsThemBySubjectAndType()
    {
        await using var hub = await HubFactory.CreateAsync(EventsHarness.UniqueSettings());
        using var client = hub.CreateFunctionClient();
        var catalogue = hub.Services.GetRequiredService<Ledger.Catalogue.CatalogueStore>();
        await catalogue.UpsertLocationAsync(new Ledger.Catalogue.Location("wh", "Warehouse", Ledger.Catalogue.LocationKind.Warehouse), default);
        foreach (var sku in new[] { "SKU-A", "SKU-B" })
        {
            await catalogue.UpsertProductAsync(new Ledger.Catalogue.Product(sku, sku), default);
            await hub.Services.GetRequiredService<StockLedger>().RecordAsync(new MovementCommand(sku, MovementKind.Receipt, "wh", 2, $"{sku}-1"), default);
        }

        var list = await client.GetFromJsonAsync<JsonElement>($"/api/events?subject=SKU-A&type={EventTypes.StockChanged}");

        var e = Assert.Single(list.GetProperty("events").EnumerateArray());
        Assert.Equal(("SKU-A", EventTypes.StockChanged, HubEventId.For(EventTypes.StockChanged, "SKU-A", "1")), (e.GetProperty("subject").GetString(), e.GetProperty("type").GetString(), e.GetProperty("id").GetString()));
        Assert.Equal(2, e.GetProperty("data").GetProperty("quantity").GetInt32());
        Assert.Contains(e.GetProperty("destinations").EnumerateArray(), d => d.GetString()!.StartsWith("queue:", StringComparison.Ordinal));
        var destinations = await client.GetFromJsonAsync<JsonElement>("/api/events/destinations");
        Assert.Contains(destinations.EnumerateArray(), d => d.GetProperty("name").GetString()!.StartsWith("queue:", StringComparison.Ordinal));
    }
}

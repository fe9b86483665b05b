using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Omnichannel.Ledger.Tests.Http;

/// <summary>The ledger's functions through the real hub pipeline: routing, key check, problem+json.</summary>
public sealed class LedgerHttpTests
{
    [Fact]
    public async Task GetStock_WithoutKey_Refused401()
    {
        await using var hub = await LedgerHub.CreateAsync();
        using var client = hub.CreateClient();

        using var response = await client.GetAsync(new Uri("/api/stock/SKU-1", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task PostMovements_ExampleStock_ConsolidatesAndReplaysByKey()
    {
        await using var hub = await LedgerHub.CreateAsync();
        using var client = hub.CreateFunctionClient();
        await SeedAsync(client);

        using var first = await client.PostAsJsonAsync("/api/stock/movements", Movement("receipt", "fba", 200, "r-fba"));
        using var retry = await client.PostAsJsonAsync("/api/stock/movements", Movement("receipt", "fba", 200, "r-fba"));
        using var stock = await client.GetAsync(new Uri("/api/stock/SKU-1", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal((await Json(first)).GetProperty("sequence").GetInt64(), (await Json(retry)).GetProperty("sequence").GetInt64());
        var body = await Json(stock);
        Assert.Equal(700, body.GetProperty("onHand").GetInt32());
        Assert.Equal(700, body.GetProperty("available").GetInt32());
        Assert.Equal(3, body.GetProperty("locations").GetArrayLength());
        Assert.Equal(500, body.GetProperty("channels")[0].GetProperty("availableToSell").GetInt32());
    }

    [Fact]
    public async Task PostMovements_BadInput_400NamingTheField()
    {
        await using var hub = await LedgerHub.CreateAsync();
        using var client = hub.CreateFunctionClient();

        using var badKind = await client.PostAsJsonAsync("/api/stock/movements", Movement("teleport", "wh", 1, "k"));
        using var noQuantity = await client.PostAsJsonAsync("/api/stock/movements", new { sku = "SKU-1", kind = "receipt", location = "wh", idempotencyKey = "k" });

        Assert.Equal(HttpStatusCode.BadRequest, badKind.StatusCode);
        Assert.Equal("application/problem+json", badKind.Content.Headers.ContentType?.MediaType);
        Assert.True((await Json(badKind)).GetProperty("errors").TryGetProperty("kind", out _));
        Assert.True((await Json(noQuantity)).GetProperty("errors").TryGetProperty("quantity", out _));
    }

    [Fact]
    public async Task PostMovementsAndGetMovements_MalformedJsonOrBadQueryValue_400Problem()
    {
        await using var hub = await LedgerHub.CreateAsync();
        using var client = hub.CreateFunctionClient();

        using var malformed = await client.PostAsync(new Uri("/api/stock/movements", UriKind.Relative), new StringContent("{\"sku\":", System.Text.Encoding.UTF8, "application/json"));
        using var badPageSize = await client.GetAsync(new Uri("/api/stock/SKU-1/movements?pageSize=ten", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("application/problem+json", malformed.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, badPageSize.StatusCode);
        Assert.Equal("application/problem+json", badPageSize.Content.Headers.ContentType?.MediaType);
        Assert.Contains("pageSize", await badPageSize.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stock_UnknownSkuOrLocation_404()
    {
        await using var hub = await LedgerHub.CreateAsync();
        using var client = hub.CreateFunctionClient();
        await SeedAsync(client);

        using var unknownSku = await client.GetAsync(new Uri("/api/stock/NOPE", UriKind.Relative));
        using var unknownTrail = await client.GetAsync(new Uri("/api/stock/NOPE/movements", UriKind.Relative));
        using var unknownLocation = await client.PostAsJsonAsync("/api/stock/movements", Movement("receipt", "moon", 1, "k-moon"));

        Assert.Equal(HttpStatusCode.NotFound, unknownSku.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownTrail.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownLocation.StatusCode);
        Assert.Equal("moon", (await Json(unknownLocation)).GetProperty("location").GetString());
    }

    [Fact]
    public async Task PostMovements_ReserveBeyondAvailable_409WithShortfall()
    {
        await using var hub = await LedgerHub.CreateAsync();
        using var client = hub.CreateFunctionClient();
        await SeedAsync(client);

        using var response = await client.PostAsJsonAsync("/api/stock/movements", Movement("reserve", "wh", 301, "o-1"));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await Json(response);
        Assert.Equal(("SKU-1", "wh", 1), (problem.GetProperty("sku").GetString(), problem.GetProperty("location").GetString(), problem.GetProperty("shortfall").GetInt32()));
    }

    [Fact]
    public async Task GetMovements_Paged_NewestFirstWithContinuation()
    {
        await using var hub = await LedgerHub.CreateAsync();
        using var client = hub.CreateFunctionClient();
        await SeedAsync(client);

        var first = await Json(await client.GetAsync(new Uri("/api/stock/SKU-1/movements?pageSize=1", UriKind.Relative)));
        var token = Uri.EscapeDataString(first.GetProperty("continuationToken").GetString()!);
        var second = await Json(await client.GetAsync(new Uri($"/api/stock/SKU-1/movements?pageSize=1&continuationToken={token}", UriKind.Relative)));
        using var badSize = await client.GetAsync(new Uri("/api/stock/SKU-1/movements?pageSize=0", UriKind.Relative));

        Assert.Equal(2, first.GetProperty("items")[0].GetProperty("sequence").GetInt64());
        Assert.Equal(1, second.GetProperty("items")[0].GetProperty("sequence").GetInt64());
        Assert.True((await Json(badSize)).GetProperty("errors").TryGetProperty("pageSize", out _));
    }

    [Fact]
    public async Task PutListing_FbaForAnotherChannelOrUnknownSku_Refused()
    {
        await using var hub = await LedgerHub.CreateAsync();
        using var client = hub.CreateFunctionClient();
        await SeedAsync(client);

        using var fbaOnEbay = await client.PutAsJsonAsync("/api/listings", new { channel = "ebay", account = "a", channelItemId = "e-1", sku = "SKU-1", allowedLocations = new[] { "fba" } });
        using var unknownSku = await client.PutAsJsonAsync("/api/listings", new { channel = "ebay", account = "a", channelItemId = "e-2", sku = "NOPE" });
        using var listed = await client.GetAsync(new Uri("/api/listings?sku=SKU-1", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, fbaOnEbay.StatusCode);
        Assert.True((await Json(fbaOnEbay)).GetProperty("errors").TryGetProperty("allowedLocations", out _));
        Assert.Equal(HttpStatusCode.NotFound, unknownSku.StatusCode);
        Assert.Equal(1, (await Json(listed)).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task QueryAndMatchAndReport_Seeded_Answer()
    {
        var time = new FakeTimeProvider(LedgerHarness.Start);
        await using var hub = await LedgerHub.CreateAsync(s => s.AddSingleton<TimeProvider>(time));
        using var client = hub.CreateFunctionClient();
        await SeedAsync(client);
        using var sale = await client.PostAsJsonAsync("/api/stock/movements", new { sku = "SKU-1", kind = "pos-sale", location = "store", quantity = 2, unitPrice = 5.5m, idempotencyKey = "till-1" });
        const string today = "2026-11-25";

        var query = await Json(await client.PostAsJsonAsync("/api/stock/query", new { skus = new[] { "SKU-1", "NOPE" } }));
        var match = await Json(await client.GetAsync(new Uri("/api/listings/match?channel=amazon&account=de&channelItemId=B0-1", UriKind.Relative)));
        var report = await Json(await client.GetAsync(new Uri($"/api/reports/sales-by-channel?from={today}&to={today}", UriKind.Relative)));
        using var badReport = await client.GetAsync(new Uri("/api/reports/sales-by-channel?from=yesterday&to=2026-01-01", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Created, sale.StatusCode);
        Assert.Equal(498, query.GetProperty("items")[0].GetProperty("onHand").GetInt32());
        Assert.Equal("NOPE", query.GetProperty("unknown")[0].GetString());
        Assert.Equal(("SKU-1", "Listing"), (match.GetProperty("sku").GetString(), match.GetProperty("matchedBy").GetString()));
        Assert.Equal((2, 11m), (report.GetProperty("totalUnits").GetInt32(), report.GetProperty("totalRevenue").GetDecimal()));
        Assert.True((await Json(badReport)).GetProperty("errors").TryGetProperty("from", out _));
    }

    private static object Movement(string kind, string location, int quantity, string key) =>
        new { sku = "SKU-1", kind, location, quantity, idempotencyKey = key, source = new { channel = "test", user = "ops" } };

    /// <summary>Store 200, warehouse 300, FBA location, and an Amazon listing.</summary>
    private static async Task SeedAsync(HttpClient client)
    {
        await Ok(client.PutAsJsonAsync("/api/locations/store", new { name = "Store", kind = "store", pickup = true }));
        await Ok(client.PutAsJsonAsync("/api/locations/wh", new { name = "Warehouse", kind = "warehouse" }));
        await Ok(client.PutAsJsonAsync("/api/locations/fba", new { name = "FBA", kind = "channel-fulfilled", fulfilledChannel = "amazon" }));
        await Ok(client.PutAsJsonAsync("/api/products/SKU-1", new { title = "Shirt", ean = "4006381333931" }));
        await Ok(client.PutAsJsonAsync("/api/listings", new { channel = "amazon", account = "de", channelItemId = "B0-1", sku = "SKU-1" }));
        await Ok(client.PostAsJsonAsync("/api/stock/movements", Movement("receipt", "store", 200, "r-store")));
        await Ok(client.PostAsJsonAsync("/api/stock/movements", Movement("receipt", "wh", 300, "r-wh")));
    }

    private static async Task Ok(Task<HttpResponseMessage> call)
    {
        using var response = await call;
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        using (response)
        {
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        }
    }
}

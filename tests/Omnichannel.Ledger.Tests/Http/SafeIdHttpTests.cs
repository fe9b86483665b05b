using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Omnichannel.Ledger.Tests.Http;

/// <summary>Location, product and listing ids keep the one safe id rule (SafeId): anything else is a 400 naming the field and the rule.</summary>
public sealed class SafeIdHttpTests
{
    public static TheoryData<string> Hostile => new()
    {
        "\"><script>",
        "$metadata",
        "..%2F..",
        "CON",
        "lpt1.txt",
        "wh\u202Eexe.1",
        "a b",
        new string('a', 101),
        new string('a', 600),
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task PutLocationAndProduct_HostileId_400NamingTheFieldAndTheRule(string id)
    {
        await using var hub = await LedgerHub.CreateAsync();
        using var client = hub.CreateFunctionClient();
        var path = Uri.EscapeDataString(id).Replace("%252F", "%2F", StringComparison.Ordinal);

        using var location = await client.PutAsJsonAsync($"/api/locations/{path}", new { name = "x", kind = "warehouse" });
        using var product = await client.PutAsJsonAsync($"/api/products/{path}", new { title = "x" });

        await AssertRuleAsync(location, "id");
        await AssertRuleAsync(product, "sku");
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task ReadRoutes_HostileId_400NamingTheFieldAndTheRule(string id)
    {
        await using var hub = await LedgerHub.CreateAsync();
        using var client = hub.CreateFunctionClient();
        var path = Uri.EscapeDataString(id).Replace("%252F", "%2F", StringComparison.Ordinal);
        var query = Uri.EscapeDataString(id);

        await AssertRuleAsync(await client.GetAsync($"/api/products/{path}"), "sku");
        await AssertRuleAsync(await client.GetAsync($"/api/stock/{path}"), "sku");
        await AssertRuleAsync(await client.GetAsync($"/api/stock/{path}/movements"), "sku");
        await AssertRuleAsync(await client.GetAsync($"/api/listings?sku={query}"), "sku");
        await AssertRuleAsync(await client.GetAsync($"/api/listings/match?channel={query}&account=main"), "channel");
        await AssertRuleAsync(await client.GetAsync($"/api/listings/match?channel=ebay&account={query}"), "account");
        await AssertRuleAsync(await client.PostAsJsonAsync("/api/stock/query", new { skus = new[] { "SKU-1", id } }), "skus");
    }

    [Fact]
    public async Task ReadRoutes_SafeId_Served()
    {
        await using var hub = await LedgerHub.CreateAsync();
        using var client = hub.CreateFunctionClient();
        const string sku = "TEE-1_a.b:c@d+e~f";
        Assert.True((await client.PutAsJsonAsync($"/api/products/{sku}", new { title = "Tee" })).IsSuccessStatusCode);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/products/{sku}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/stock/{sku}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/stock/{sku}/movements")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/listings?sku={Uri.EscapeDataString(sku)}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/products/NO-SUCH-SKU")).StatusCode);
    }

    [Fact]
    public async Task PutListingAndPostMovement_HostileIdsInTheBody_400NamingEachField()
    {
        await using var hub = await LedgerHub.CreateAsync();
        using var client = hub.CreateFunctionClient();

        using var listing = await client.PutAsJsonAsync("/api/listings", new { channel = "ebay", account = "main", channelItemId = "\"><script>", sku = "$metadata" });
        using var movement = await client.PostAsJsonAsync("/api/stock/movements", new { sku = "SKU-1", kind = "receipt", location = "..%2F..", quantity = 1, idempotencyKey = "k-1" });

        await AssertRuleAsync(listing, "channelItemId");
        await AssertRuleAsync(listing, "sku");
        await AssertRuleAsync(movement, "location");
    }

    [Fact]
    public async Task PutLocation_SafeIdWithEveryAllowedCharacter_Accepted()
    {
        await using var hub = await LedgerHub.CreateAsync();
        using var client = hub.CreateFunctionClient();

        using var location = await client.PutAsJsonAsync("/api/locations/wh-1_a.b:c@d+e~f", new { name = "x", kind = "warehouse" });

        Assert.True(location.IsSuccessStatusCode, await location.Content.ReadAsStringAsync());
    }

    private static async Task AssertRuleAsync(HttpResponseMessage response, string field)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {text}");
        using var problem = JsonDocument.Parse(text);
        var messages = problem.RootElement.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains(messages, m => m!.Contains("ASCII letters, digits", StringComparison.Ordinal));
    }
}

using System.Net;
using System.Text;
using System.Text.Json;

namespace Omnichannel.Ledger.Tests.Http;

public sealed class ImportHttpTests
{
    [Fact]
    public async Task PostImport_CsvProducts_ReportsRowsAndIsIdempotent()
    {
        await using var hub = await LedgerHub.CreateAsync();
        using var client = hub.CreateFunctionClient();
        const string csv = "sku,title,gtin\nA-1,Alpha,4006381333931\nA-2,,\n";

        using var first = await client.PostAsync(new Uri("/api/import/products", UriKind.Relative), new StringContent(csv, Encoding.UTF8, "text/csv"));
        using var again = await client.PostAsync(new Uri("/api/import/products", UriKind.Relative), new StringContent(csv, Encoding.UTF8, "text/csv"));
        using var products = await client.GetAsync(new Uri("/api/products", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var body = JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(1, body.GetProperty("applied").GetInt32());
        Assert.Equal((3, "title"), (body.GetProperty("errors")[0].GetProperty("line").GetInt32(), body.GetProperty("errors")[0].GetProperty("field").GetString()));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal(1, JsonDocument.Parse(await products.Content.ReadAsStringAsync()).RootElement.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task PostImport_UnknownKindOrBrokenJson_400NamingTheField()
    {
        await using var hub = await LedgerHub.CreateAsync();
        using var client = hub.CreateFunctionClient();

        using var badKind = await client.PostAsync(new Uri("/api/import/widgets", UriKind.Relative), new StringContent("[]", Encoding.UTF8, "application/json"));
        using var broken = await client.PostAsync(new Uri("/api/import/products", UriKind.Relative), new StringContent("[{\"sku\":", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, badKind.StatusCode);
        Assert.True(JsonDocument.Parse(await badKind.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").TryGetProperty("kind", out _));
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.True(JsonDocument.Parse(await broken.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").TryGetProperty("body", out _));
    }
}

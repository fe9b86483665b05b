using Omnichannel.Ledger.Import;

namespace Omnichannel.Ledger.Tests.Import;

public sealed class CatalogueImporterTests
{
    private const string ProductsCsv =
        "sku,title,ean,reorder_point,safety stock\r\n" +
        "TS-1,T-shirt,4006381333931,10,2\r\n" +
        "TS-2,\"Shirt, long\",4006381333932,,\r\n" +
        "TS-3,\"Multi\nline title\",,abc,\r\n" +
        "TS-4,,,,\r\n" +
        "\r\n" +
        "TS-5,Mug,036000291452,,1\r\n";

    [Fact]
    public async Task ImportAsync_ProductsCsvWithBadRows_AppliesValidRowsAndReportsLines()
    {
        await using var h = await LedgerHarness.CreateAsync();
        var importer = h.Get<CatalogueImporter>();

        var result = await importer.ImportAsync(ImportKind.Products, CsvRows.Parse(ProductsCsv, out _), default);

        Assert.Equal((5, 2), (result.Rows, result.Applied));
        Assert.Equal(new[] { (3, "gtin"), (4, "reorderPoint"), (6, "title") }, result.Errors.Select(e => (e.Line, e.Field)));
        Assert.Equal(10, (await h.Catalogue.GetProductAsync("TS-1", default))!.ReorderPoint);
        Assert.NotNull(await h.Catalogue.GetProductAsync("TS-5", default));
        Assert.Null(await h.Catalogue.GetProductAsync("TS-2", default));
    }

    [Fact]
    public async Task ImportAsync_OpeningStockJsonTwice_AppliesOnceAndReportsBadRows()
    {
        await using var h = await LedgerHarness.CreateAsync();
        await h.AddExampleLocationsAsync();
        await h.AddProductAsync("SKU-1");
        await h.AddProductAsync("SKU-2");
        var importer = h.Get<CatalogueImporter>();
        const string json = """
            [
              { "sku": "SKU-1", "location": "store", "quantity": 200 },
              { "sku": "SKU-1", "location": "wh", "quantity": 300 },
              { "sku": "SKU-1", "location": "fba", "quantity": 200 },
              { "sku": "SKU-2", "location": "moon", "quantity": 5 },
              { "sku": "SKU-2", "location": "wh", "quantity": -5 },
              { "sku": "NOPE", "location": "wh", "quantity": 1 }
            ]
            """;

        var first = await importer.ImportAsync(ImportKind.Stock, JsonRows.Parse(json, out _), default);
        var again = await importer.ImportAsync(ImportKind.Stock, JsonRows.Parse(json, out _), default);

        Assert.Equal((6, 3, 0), (first.Rows, first.Applied, first.Unchanged));
        Assert.Equal(new[] { (5, "location"), (6, "quantity"), (7, "sku") }, first.Errors.Select(e => (e.Line, e.Field)));
        Assert.Equal((3, 3), (again.Applied, again.Unchanged));
        var stock = await h.StockAsync("SKU-1");
        Assert.Equal((700, 3L), (stock.OnHand, stock.Sequence));
    }

    [Fact]
    public async Task ImportAsync_ListingsCsv_ChecksSkuAndLocations()
    {
        await using var h = await LedgerHarness.CreateAsync();
        await h.AddExampleLocationsAsync();
        await h.AddProductAsync("SKU-1");
        const string csv = """
            channel,account,item id,seller sku,sku,buffer units,share percent,allowed locations
            amazon,de,B01,TS-1,SKU-1,0,100,wh;fba
            ebay,main,e-1,TS-1,SKU-1,5,50,
            ebay,main,e-2,TS-1,SKU-1,0,100,wh;fba
            ebay,main,e-3,TS-1,NOPE,0,100,
            ebay,main,e-4,TS-1,SKU-1,0,150,
            """;

        var result = await h.Get<CatalogueImporter>().ImportAsync(ImportKind.Listings, CsvRows.Parse(csv, out _), default);

        Assert.Equal(2, result.Applied);
        Assert.Equal(new[] { (4, "allowedLocations"), (5, "sku"), (6, "sharePercent") }, result.Errors.Select(e => (e.Line, e.Field)));
        Assert.Equal(2, (await h.StockAsync("SKU-1")).Channels.Count);
    }

    [Fact]
    public void Parse_MalformedFiles_ReportTheLine()
    {
        CsvRows.Parse("sku,title\nA,\"open\nstill open", out var csvError);
        JsonRows.Parse("[\n{\"sku\": \"A\"},\n{\"sku\": }\n]", out var jsonError);

        Assert.Equal(2, csvError!.Line);
        Assert.Equal(3, jsonError!.Line);
    }
}

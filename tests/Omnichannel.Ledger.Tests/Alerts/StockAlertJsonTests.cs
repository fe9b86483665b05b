using Omnichannel.Ledger.Alerts;

namespace Omnichannel.Ledger.Tests.Alerts;

public sealed class StockAlertJsonTests
{
    [Fact]
    public void Serialize_LowStockAlert_ExactWireFormat()
    {
        var alert = new StockAlert(StockAlertKind.LowStock, "SKU-1", null, 3, 5, null, 42, new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero));

        Assert.Equal(
            """{"kind":"LowStock","sku":"SKU-1","available":3,"reorderPoint":5,"sequence":42,"at":"2026-12-02T10:00:00+00:00"}""",
            StockAlertJson.Serialize(alert));
    }

    [Fact]
    public void Serialize_RecountAlert_ExactWireFormat()
    {
        var alert = new StockAlert(StockAlertKind.Recount, "AB/12#3", "shop-1", -1, null, -2, 7, new DateTimeOffset(2026, 12, 2, 10, 0, 0, 500, TimeSpan.FromHours(1)));

        Assert.Equal(
            """{"kind":"Recount","sku":"AB/12#3","location":"shop-1","available":-1,"onHand":-2,"sequence":7,"at":"2026-12-02T10:00:00.5+01:00"}""",
            StockAlertJson.Serialize(alert));
    }
}

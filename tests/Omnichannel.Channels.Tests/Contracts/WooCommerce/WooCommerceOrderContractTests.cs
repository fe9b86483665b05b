using System.Text.Json;
using System.Text.RegularExpressions;
using Omnichannel.Channels.Adapters.WooCommerce;
using Omnichannel.Channels.Model;
using Omnichannel.Channels.Tests.Support;

namespace Omnichannel.Channels.Tests.Contracts.WooCommerce;

/// <summary>The order answers of the WooCommerce REST v3 docs (their own JSON response examples), mapped as the adapter maps them.</summary>
public sealed partial class WooCommerceOrderContractTests
{
    [Fact]
    public void RetrieveOrder_EveryDocumentedOrderExample_MapsWithMoneyThatAddsUp()
    {
        var orders = Examples().SelectMany(e => e.ValueKind == JsonValueKind.Array ? e.EnumerateArray().ToList() : [e])
            .Where(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("line_items", out _)).ToList();

        Assert.NotEmpty(orders);
        foreach (var example in orders)
        {
            var order = WooCommerceOrderMapper.Map(example, TestAccounts.For("woocommerce"));
            Assert.NotNull(order.Totals);
            Assert.True(OrderMoney.CheckTotals(order) is null, $"order {order.ChannelOrderId}: {OrderMoney.CheckTotals(order)}");
        }
    }

    [Fact]
    public void RetrieveOrder_CreateOrderExample_LinesShippingAndTaxAsDocumented()
    {
        var example = Examples().First(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("line_items", out _));

        var order = WooCommerceOrderMapper.Map(example, TestAccounts.For("woocommerce"));

        Assert.Equal(("727", "USD", 29.35m, 1.35m), (order.ChannelOrderId, order.Currency, order.Totals!.Total, order.Totals.Tax));
        Assert.Equal((3m, 0m, 0.45m), (order.Lines[0].UnitPrice, order.Lines[0].Discount, order.Lines[0].Tax));
        Assert.Equal(10.00m, Assert.Single(order.ShippingCharges!).Price);
    }

    private static List<JsonElement> Examples()
    {
        var doc = File.ReadAllText(ContractSpecs.PathOf("woocommerce", "_orders.md"));
        return ExamplePattern().Matches(doc).Select(m => JsonDocument.Parse(m.Groups[1].Value).RootElement.Clone()).ToList();
    }

    [GeneratedRegex("> JSON response example:\\s*```json\\s*(.*?)```", RegexOptions.Singleline)]
    private static partial Regex ExamplePattern();
}

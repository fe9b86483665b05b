using Omnichannel.Orders.Configuration;

namespace Omnichannel.Orders.Tests.Configuration;

public sealed class OrdersOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeed()
    {
        Assert.True(new OrdersOptionsValidator().Validate(null, new OrdersOptions()).Succeeded);
    }

    [Theory]
    [InlineData(nameof(OrdersOptions.OrdersTable), "Orders__OrdersTable must be a table name")]
    [InlineData(nameof(OrdersOptions.AlertsQueue), "Orders__AlertsQueue must be a queue name")]
    [InlineData(nameof(OrdersOptions.ShipmentSla), "Orders__ShipmentSla must be a positive time span")]
    [InlineData(nameof(OrdersOptions.ReportAttempts), "Orders__ReportAttempts must be 1-100")]
    [InlineData(nameof(OrdersOptions.Fulfilment), "Orders__Fulfilment__wh__Url must be an absolute URL")]
    public void Validate_OneBadSetting_FailsNamingIt(string setting, string expected)
    {
        var options = new OrdersOptions();
        switch (setting)
        {
            case nameof(OrdersOptions.OrdersTable): options.OrdersTable = "bad-table"; break;
            case nameof(OrdersOptions.AlertsQueue): options.AlertsQueue = "alerts-"; break;
            case nameof(OrdersOptions.ShipmentSla): options.ShipmentSla = TimeSpan.Zero; break;
            case nameof(OrdersOptions.ReportAttempts): options.ReportAttempts = 0; break;
            default: options.Fulfilment["wh"] = new FulfilmentEndpoint { Url = new Uri("/relative", UriKind.Relative), Secret = "s" }; break;
        }

        var result = new OrdersOptionsValidator().Validate(null, options);

        Assert.Contains(expected, Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SeveralBadSettings_ReportsEveryOne()
    {
        var options = new OrdersOptions { AlertsQueue = "Alerts", StockRecheckInterval = TimeSpan.FromSeconds(-1), ReportAttempts = 101 };
        options.Fulfilment["wh"] = new FulfilmentEndpoint { Url = new Uri("https://wh.example.test/") };

        var failures = new OrdersOptionsValidator().Validate(null, options).Failures!.ToList();

        Assert.Equal(4, failures.Count);
        Assert.Contains(failures, f => f.StartsWith("Orders__AlertsQueue ", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Orders__StockRecheckInterval ", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Orders__ReportAttempts ", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Orders__Fulfilment__wh__Secret is required", StringComparison.Ordinal));
    }
}

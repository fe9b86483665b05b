using Microsoft.Extensions.Options;
using Omnichannel.Hosting.Configuration;
using Omnichannel.Storage.Naming;

namespace Omnichannel.Orders.Configuration;

/// <summary>Checks the <c>Orders</c> settings at start-up; each failure names its app setting (<c>Orders__AlertsQueue</c>).</summary>
internal sealed class OrdersOptionsValidator : IValidateOptions<OrdersOptions>
{
    public ValidateOptionsResult Validate(string? name, OrdersOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new OptionsFailures(OrdersOptions.Section);
        failures.Check(nameof(options.OrdersTable), StorageNames.CheckTable(options.OrdersTable));
        failures.Check(nameof(options.AlertsQueue), StorageNames.CheckQueue(options.AlertsQueue));
        failures.Positive(nameof(options.SkuMappingReminder), options.SkuMappingReminder);
        failures.Positive(nameof(options.StockRecheckInterval), options.StockRecheckInterval);
        failures.Positive(nameof(options.ShipmentSla), options.ShipmentSla);
        failures.Positive(nameof(options.PickupPreparationSla), options.PickupPreparationSla);
        failures.Positive(nameof(options.CollectionDeadline), options.CollectionDeadline);
        failures.Positive(nameof(options.ReportRetryInterval), options.ReportRetryInterval);
        failures.Range(nameof(options.ReportAttempts), options.ReportAttempts, 1, 100);
        foreach (var (location, endpoint) in options.Fulfilment)
        {
            failures.When(endpoint.Url is not { IsAbsoluteUri: true }, $"{nameof(options.Fulfilment)}:{location}:{nameof(endpoint.Url)}", "must be an absolute URL.");
            failures.When(string.IsNullOrEmpty(endpoint.Secret), $"{nameof(options.Fulfilment)}:{location}:{nameof(endpoint.Secret)}", "is required.");
        }

        return failures.Result();
    }
}

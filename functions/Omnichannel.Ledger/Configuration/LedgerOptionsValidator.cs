using Microsoft.Extensions.Options;
using Omnichannel.Hosting.Configuration;
using Omnichannel.Storage.Naming;

namespace Omnichannel.Ledger.Configuration;

/// <summary>Checks the <c>Ledger</c> settings at start-up; each failure names its app setting (<c>Ledger__StockTable</c>).</summary>
internal sealed class LedgerOptionsValidator : IValidateOptions<LedgerOptions>
{
    public ValidateOptionsResult Validate(string? name, LedgerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new OptionsFailures(LedgerOptions.Section);
        failures.Check(nameof(options.StockTable), StorageNames.CheckTable(options.StockTable));
        failures.Check(nameof(options.CatalogueTable), StorageNames.CheckTable(options.CatalogueTable));
        failures.Check(nameof(options.SalesTable), StorageNames.CheckTable(options.SalesTable));
        failures.Check(nameof(options.AlertsQueue), StorageNames.CheckQueue(options.AlertsQueue));
        failures.Check(nameof(options.AlertWebhookQueue), StorageNames.CheckQueue(options.AlertWebhookQueue));
        failures.Check(nameof(options.StockChangedQueue), StorageNames.CheckQueue(options.StockChangedQueue));
        failures.Check(nameof(options.StockChangedCopyQueue), StorageNames.CheckQueue(options.StockChangedCopyQueue));
        failures.Range(nameof(options.StockChangedWindow), options.StockChangedWindow, TimeSpan.Zero, TimeSpan.FromHours(1));
        failures.Range(nameof(options.MaxConflictAttempts), options.MaxConflictAttempts, 1, 10_000);
        failures.When(options.LocationCacheDuration < TimeSpan.Zero, nameof(options.LocationCacheDuration), $"must not be negative (was {options.LocationCacheDuration:c}).");
        if (options.AlertWebhookUrl is { } url)
        {
            failures.HttpUrl(nameof(options.AlertWebhookUrl), url);
            failures.When(string.IsNullOrWhiteSpace(options.AlertWebhookSecret), nameof(options.AlertWebhookSecret), $"is required when {SettingNames.AppSetting(LedgerOptions.Section, nameof(options.AlertWebhookUrl))} is set.");
        }

        return failures.Result();
    }
}

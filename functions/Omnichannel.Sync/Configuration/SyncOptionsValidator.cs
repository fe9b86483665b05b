using System.Text.RegularExpressions;
using Cronos;
using Microsoft.Extensions.Options;
using Omnichannel.Hosting.Configuration;
using Omnichannel.Storage.Naming;

namespace Omnichannel.Sync.Configuration;

/// <summary>Checks the <c>Sync</c> settings at start-up; each failure names its app setting (<c>Sync__StateTable</c>).</summary>
internal sealed partial class SyncOptionsValidator : IValidateOptions<SyncOptions>
{
    public ValidateOptionsResult Validate(string? name, SyncOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new OptionsFailures(SyncOptions.Section);
        failures.Check(nameof(options.StateTable), StorageNames.CheckTable(options.StateTable));
        failures.Check(nameof(options.PriceTable), StorageNames.CheckTable(options.PriceTable));
        failures.Check(nameof(options.FeedsContainer), StorageNames.CheckContainer(options.FeedsContainer));
        foreach (var (setting, value) in new[] { (nameof(options.RetrySchedule), options.RetrySchedule), (nameof(options.ReconcileSchedule), options.ReconcileSchedule), (nameof(options.FeedSchedule), options.FeedSchedule) })
        {
            failures.When(!IsSchedule(value), setting, $"must be a 6-field NCRONTAB expression (was '{value}').");
        }

        failures.Range(nameof(options.QueueBatchSize), options.QueueBatchSize, 1, 32);
        failures.Range(nameof(options.MaxConcurrentPushesPerChannel), options.MaxConcurrentPushesPerChannel, 1, 64);
        failures.Range(nameof(options.FailingAfter), options.FailingAfter, 1, 1000);
        failures.Range(nameof(options.LimitedAvailabilityAtOrBelow), options.LimitedAvailabilityAtOrBelow, 0, 1_000_000);
        failures.Range(nameof(options.ClaimTimeout), options.ClaimTimeout, TimeSpan.FromSeconds(5), TimeSpan.FromHours(1));
        failures.Range(nameof(options.BatchWindow), options.BatchWindow, TimeSpan.Zero, TimeSpan.FromSeconds(10));
        failures.When(options.DefaultCurrency is null || !Currency().IsMatch(options.DefaultCurrency), nameof(options.DefaultCurrency), $"must be an ISO 4217 code of three capital letters (was '{options.DefaultCurrency}').");
        foreach (var feed in options.Feeds.Keys.Where(k => !FeedName().IsMatch(k)))
        {
            failures.Add($"{nameof(options.Feeds)}:{feed}", "must be named with 1-50 letters, digits or '-'.");
        }

        return failures.Result();
    }

    internal static Regex FeedNamePattern => FeedName();

    private static bool IsSchedule(string? value)
    {
        try
        {
            return value is not null && CronExpression.Parse(value, CronFormat.IncludeSeconds) is not null;
        }
        catch (CronFormatException)
        {
            return false;
        }
    }

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex Currency();

    [GeneratedRegex("^[A-Za-z0-9-]{1,50}$")]
    private static partial Regex FeedName();
}

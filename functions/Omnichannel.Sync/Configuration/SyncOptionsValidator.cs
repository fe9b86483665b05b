using System.Text.RegularExpressions;
using Cronos;
using Microsoft.Extensions.Options;

namespace Omnichannel.Sync.Configuration;

/// <summary>Checks the <c>Sync</c> settings at start-up; each failure names its setting.</summary>
internal sealed partial class SyncOptionsValidator : IValidateOptions<SyncOptions>
{
    public ValidateOptionsResult Validate(string? name, SyncOptions options)
    {
        var failures = new List<string>();
        foreach (var (setting, value) in new[] { (nameof(options.StateTable), options.StateTable), (nameof(options.PriceTable), options.PriceTable) })
        {
            if (value is null || !TableName().IsMatch(value))
            {
                failures.Add($"Setting '{SyncOptions.Section}:{setting}' must be a table name: 3-63 letters or digits, starting with a letter (was '{value}').");
            }
        }

        if (options.FeedsContainer is null || !ContainerName().IsMatch(options.FeedsContainer) || options.FeedsContainer.Contains("--", StringComparison.Ordinal) || options.FeedsContainer.EndsWith('-'))
        {
            failures.Add($"Setting '{SyncOptions.Section}:{nameof(options.FeedsContainer)}' must be a container name: 3-63 lower-case letters, digits or single hyphens (was '{options.FeedsContainer}').");
        }

        foreach (var (setting, value) in new[] { (nameof(options.RetrySchedule), options.RetrySchedule), (nameof(options.ReconcileSchedule), options.ReconcileSchedule), (nameof(options.FeedSchedule), options.FeedSchedule) })
        {
            if (!IsSchedule(value))
            {
                failures.Add($"Setting '{SyncOptions.Section}:{setting}' must be a 6-field NCRONTAB expression (was '{value}').");
            }
        }

        Range(failures, nameof(options.QueueBatchSize), options.QueueBatchSize, 1, 32);
        Range(failures, nameof(options.MaxConcurrentPushesPerChannel), options.MaxConcurrentPushesPerChannel, 1, 64);
        Range(failures, nameof(options.FailingAfter), options.FailingAfter, 1, 1000);
        Range(failures, nameof(options.LimitedAvailabilityAtOrBelow), options.LimitedAvailabilityAtOrBelow, 0, 1_000_000);
        if (options.ClaimTimeout < TimeSpan.FromSeconds(5) || options.ClaimTimeout > TimeSpan.FromHours(1))
        {
            failures.Add($"Setting '{SyncOptions.Section}:{nameof(options.ClaimTimeout)}' must be between 00:00:05 and 01:00:00.");
        }

        if (options.BatchWindow < TimeSpan.Zero || options.BatchWindow > TimeSpan.FromSeconds(10))
        {
            failures.Add($"Setting '{SyncOptions.Section}:{nameof(options.BatchWindow)}' must be between 00:00:00 and 00:00:10.");
        }

        if (options.DefaultCurrency is null || !Currency().IsMatch(options.DefaultCurrency))
        {
            failures.Add($"Setting '{SyncOptions.Section}:{nameof(options.DefaultCurrency)}' must be an ISO 4217 code of three capital letters (was '{options.DefaultCurrency}').");
        }

        foreach (var feed in options.Feeds.Keys.Where(k => !FeedName().IsMatch(k)))
        {
            failures.Add($"Setting '{SyncOptions.Section}:{nameof(options.Feeds)}:{feed}' must be named with 1-50 letters, digits or '-'.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
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

    private static void Range(List<string> failures, string setting, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            failures.Add($"Setting '{SyncOptions.Section}:{setting}' must be {min}-{max} (was {value}).");
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,62}$")]
    private static partial Regex TableName();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{2,62}$")]
    private static partial Regex ContainerName();

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex Currency();

    [GeneratedRegex("^[A-Za-z0-9-]{1,50}$")]
    private static partial Regex FeedName();
}

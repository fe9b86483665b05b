using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Omnichannel.Ledger.Configuration;

/// <summary>Checks the <c>Ledger</c> settings at start-up; each failure names its setting.</summary>
internal sealed partial class LedgerOptionsValidator : IValidateOptions<LedgerOptions>
{
    public ValidateOptionsResult Validate(string? name, LedgerOptions options)
    {
        var failures = new List<string>();
        foreach (var (setting, value) in new[] { (nameof(options.StockTable), options.StockTable), (nameof(options.CatalogueTable), options.CatalogueTable), (nameof(options.SalesTable), options.SalesTable) })
        {
            if (value is null || !TableName().IsMatch(value))
            {
                failures.Add($"Setting '{LedgerOptions.Section}:{setting}' must be a table name: 3-63 letters or digits, starting with a letter (was '{value}').");
            }
        }

        foreach (var (setting, value) in new[] { (nameof(options.AlertsQueue), options.AlertsQueue), (nameof(options.AlertWebhookQueue), options.AlertWebhookQueue), (nameof(options.StockChangedQueue), options.StockChangedQueue), (nameof(options.StockChangedCopyQueue), options.StockChangedCopyQueue) })
        {
            if (value is null || !QueueName().IsMatch(value) || value.Contains("--", StringComparison.Ordinal) || value.EndsWith('-'))
            {
                failures.Add($"Setting '{LedgerOptions.Section}:{setting}' must be a queue name: 3-63 lower-case letters, digits or single hyphens (was '{value}').");
            }
        }

        if (options.StockChangedWindow < TimeSpan.Zero || options.StockChangedWindow > TimeSpan.FromHours(1))
        {
            failures.Add($"Setting '{LedgerOptions.Section}:{nameof(options.StockChangedWindow)}' must be between 00:00:00 and 01:00:00.");
        }

        if (options.MaxConflictAttempts is < 1 or > 10_000)
        {
            failures.Add($"Setting '{LedgerOptions.Section}:{nameof(options.MaxConflictAttempts)}' must be 1-10000.");
        }

        if (options.LocationCacheDuration < TimeSpan.Zero)
        {
            failures.Add($"Setting '{LedgerOptions.Section}:{nameof(options.LocationCacheDuration)}' must not be negative.");
        }

        if (options.AlertWebhookUrl is { } url)
        {
            if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
            {
                failures.Add($"Setting '{LedgerOptions.Section}:{nameof(options.AlertWebhookUrl)}' must be an absolute http(s) URL.");
            }

            if (string.IsNullOrWhiteSpace(options.AlertWebhookSecret))
            {
                failures.Add($"Setting '{LedgerOptions.Section}:{nameof(options.AlertWebhookSecret)}' is required when '{LedgerOptions.Section}:{nameof(options.AlertWebhookUrl)}' is set.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,62}$")]
    private static partial Regex TableName();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$")]
    private static partial Regex QueueName();
}

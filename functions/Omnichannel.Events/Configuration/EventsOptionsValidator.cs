using Microsoft.Extensions.Options;
using Omnichannel.Hosting.Configuration;
using Omnichannel.Storage.Naming;

namespace Omnichannel.Events.Configuration;

/// <summary>Checks the <c>Events</c> settings at start-up; each failure names its app setting (<c>Events__ClaimDuration</c>).</summary>
internal sealed class EventsOptionsValidator : IValidateOptions<EventsOptions>
{
    public ValidateOptionsResult Validate(string? name, EventsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new OptionsFailures(EventsOptions.Section);
        failures.When(string.IsNullOrWhiteSpace(options.Source) || !Uri.TryCreate(options.Source, UriKind.RelativeOrAbsolute, out _), nameof(options.Source), $"must be a URI reference (was '{options.Source}').");
        failures.Check(nameof(options.OutboxTable), StorageNames.CheckTable(options.OutboxTable));
        failures.Check(nameof(options.HistoryTable), StorageNames.CheckTable(options.HistoryTable));
        failures.Check(nameof(options.DestinationsTable), StorageNames.CheckTable(options.DestinationsTable));
        if (!string.IsNullOrWhiteSpace(options.Queue))
        {
            failures.Check(nameof(options.Queue), StorageNames.CheckQueue(options.Queue));
        }

        failures.Range(nameof(options.ClaimDuration), options.ClaimDuration, TimeSpan.FromSeconds(5), TimeSpan.FromHours(1));
        failures.When(options.RetryBaseDelay <= TimeSpan.Zero || options.RetryMaxDelay < options.RetryBaseDelay, nameof(options.RetryBaseDelay), $"must be positive and at most {SettingNames.AppSetting(EventsOptions.Section, nameof(options.RetryMaxDelay))} (was {options.RetryBaseDelay:c}).");
        failures.Range(nameof(options.PauseAfterFailures), options.PauseAfterFailures, 1, 1000);
        foreach (var (subscriber, hook) in options.Webhooks)
        {
            failures.HttpUrl($"{nameof(options.Webhooks)}:{subscriber}:{nameof(hook.Url)}", hook.Url);
            failures.When(string.IsNullOrEmpty(hook.Secret), $"{nameof(options.Webhooks)}:{subscriber}:{nameof(hook.Secret)}", "is required.");
        }

        return failures.Result();
    }
}

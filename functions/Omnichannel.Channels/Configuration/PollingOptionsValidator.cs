using Cronos;
using Microsoft.Extensions.Options;
using Omnichannel.Channels.Polling;
using Omnichannel.Hosting.Configuration;

namespace Omnichannel.Channels.Configuration;

/// <summary>Checks the <c>Channels:Polling</c> settings at start-up; each failure names its app setting (<c>Channels__Polling__Schedule</c>).</summary>
internal sealed class PollingOptionsValidator : IValidateOptions<PollingOptions>
{
    public ValidateOptionsResult Validate(string? name, PollingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new OptionsFailures(PollingOptions.Section);
        failures.When(!IsSchedule(options.Schedule), nameof(options.Schedule), $"must be a 6-field NCRONTAB expression (was '{options.Schedule}').");
        failures.When(options.Overlap < TimeSpan.Zero, nameof(options.Overlap), $"must not be negative (was {options.Overlap:c}).");
        failures.When(options.SettleDelay < TimeSpan.Zero, nameof(options.SettleDelay), $"must not be negative (was {options.SettleDelay:c}).");
        failures.Positive(nameof(options.InitialLookback), options.InitialLookback);
        return failures.Result();
    }

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
}

using Microsoft.Extensions.Options;
using Omnichannel.Channels.Outbound;
using Omnichannel.Hosting.Configuration;

namespace Omnichannel.Channels.Configuration;

/// <summary>Checks the <c>Channels:Http</c> settings at start-up; each failure names its app setting (<c>Channels__Http__MaxRetries</c>).</summary>
internal sealed class ChannelHttpOptionsValidator : IValidateOptions<ChannelHttpOptions>
{
    public ValidateOptionsResult Validate(string? name, ChannelHttpOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new OptionsFailures(ChannelHttpOptions.Section);
        failures.Positive(nameof(options.TotalTimeout), options.TotalTimeout);
        failures.Positive(nameof(options.AttemptTimeout), options.AttemptTimeout);
        failures.Range(nameof(options.MaxRetries), options.MaxRetries, 0, 20);
        failures.Positive(nameof(options.RetryBaseDelay), options.RetryBaseDelay);
        failures.Range(nameof(options.BreakerFailureRatio), options.BreakerFailureRatio, 0.01, 1.0);
        failures.Range(nameof(options.BreakerMinimumThroughput), options.BreakerMinimumThroughput, 2, 10_000);
        failures.Positive(nameof(options.BreakerSamplingDuration), options.BreakerSamplingDuration);
        failures.Positive(nameof(options.BreakDuration), options.BreakDuration);
        failures.Range(nameof(options.RequestsPerSecond), options.RequestsPerSecond, 0.001, 10_000);
        failures.Range(nameof(options.Burst), options.Burst, 1, 10_000);
        return failures.Result();
    }
}

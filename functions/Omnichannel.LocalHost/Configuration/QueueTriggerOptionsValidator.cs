using Microsoft.Extensions.Options;
using Omnichannel.Hosting.Configuration;
using Omnichannel.LocalHost.Triggers;

namespace Omnichannel.LocalHost.Configuration;

/// <summary>
/// Checks the host-wide queue trigger settings (host.json <c>extensions.queues</c>, read by <see cref="HostJson.QueueOptions"/>
/// before the host starts); each failure names its app setting (<c>AzureFunctionsJobHost__extensions__queues__batchSize</c>).
/// </summary>
internal sealed class QueueTriggerOptionsValidator : IValidateOptions<QueueTriggerOptions>
{
    public const string Section = HostJson.Section + ":extensions:queues";

    public ValidateOptionsResult Validate(string? name, QueueTriggerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new OptionsFailures(Section);
        failures.Range("batchSize", options.BatchSize, 1, 32);
        failures.When(options.MaxDequeueCount < 1, "maxDequeueCount", $"must be at least 1 (was {options.MaxDequeueCount}).");
        failures.When(options.RetryDelay < TimeSpan.Zero, "visibilityTimeout", $"must not be negative (was {options.RetryDelay:c}).");
        failures.Positive("maxPollingInterval", options.MaxPollingInterval);
        return failures.Result();
    }
}

using Microsoft.Extensions.Options;
using Omnichannel.Hosting.Configuration;
using Omnichannel.LocalHost.Durable;

namespace Omnichannel.LocalHost.Configuration;

/// <summary>
/// Checks the local durable engine's settings (host.json <c>extensions.durableTask</c>, overridable as
/// <c>AzureFunctionsJobHost__extensions__durableTask__hubName</c>) at start-up; each failure names its app setting.
/// </summary>
internal sealed class LocalDurableOptionsValidator : IValidateOptions<LocalDurableOptions>
{
    public ValidateOptionsResult Validate(string? name, LocalDurableOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new OptionsFailures(LocalDurableOptions.Section);
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            failures.AddPath("AzureWebJobsStorage", "must be a storage connection string for the local durable engine.");
        }

        failures.When(!IsHubName(options.HubName), "hubName", $"must be 3-45 letters and digits, starting with a letter (was '{options.HubName}').");
        failures.Range("extendedSessionIdleTimeoutInSeconds", options.ExtendedSessionIdleTimeoutInSeconds, 1, 3600);
        failures.Range("maxConcurrentActivityFunctions", options.MaxConcurrentActivityFunctions, 1, 10_000);
        failures.Range("maxConcurrentOrchestratorFunctions", options.MaxConcurrentOrchestratorFunctions, 1, 10_000);
        failures.When(options.MaximumTimerInterval <= TimeSpan.Zero || options.MaximumTimerInterval >= TimeSpan.FromDays(7), "maximumTimerInterval", $"must be positive and under 7 days, a queue message's longest invisibility (was {options.MaximumTimerInterval:c}).");
        var storage = options.StorageProvider;
        failures.Range("storageProvider:partitionCount", storage.PartitionCount, 1, 16);
        failures.Range("storageProvider:controlQueueBatchSize", storage.ControlQueueBatchSize, 1, 32);
        failures.Positive("storageProvider:maxQueuePollingInterval", storage.MaxQueuePollingInterval);
        failures.Positive("storageProvider:workItemQueueVisibilityTimeout", storage.WorkItemQueueVisibilityTimeout);
        failures.Positive("storageProvider:controlQueueVisibilityTimeout", storage.ControlQueueVisibilityTimeout);
        return failures.Result();
    }

    private static bool IsHubName(string? value) =>
        value is { Length: >= 3 and <= 45 } && char.IsAsciiLetter(value[0]) && value.All(char.IsAsciiLetterOrDigit);
}

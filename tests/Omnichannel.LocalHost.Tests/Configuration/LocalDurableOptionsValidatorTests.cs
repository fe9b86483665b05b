using System.Globalization;
using Omnichannel.LocalHost.Configuration;
using Omnichannel.LocalHost.Durable;

namespace Omnichannel.LocalHost.Tests.Configuration;

public sealed class LocalDurableOptionsValidatorTests
{
    private const string Setting = "AzureFunctionsJobHost__extensions__durableTask__";

    [Fact]
    public void Validate_DefaultsWithAConnectionString_Succeed()
    {
        Assert.True(new LocalDurableOptionsValidator().Validate(null, Valid()).Succeeded);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void Validate_NoConnectionString_FailsNamingAzureWebJobsStorage(string? connectionString)
    {
        var options = Valid();
        options.ConnectionString = connectionString;

        var result = new LocalDurableOptionsValidator().Validate(null, options);

        Assert.StartsWith("AzureWebJobsStorage must be a storage connection string", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hubName", "ab", "hubName must be 3-45 letters and digits, starting with a letter")]
    [InlineData("hubName", "1Hub", "hubName must be 3-45 letters and digits, starting with a letter")]
    [InlineData("hubName", "Test-Hub", "hubName must be 3-45 letters and digits, starting with a letter")]
    [InlineData("hubName", "H234567890123456789012345678901234567890123456", "hubName must be 3-45 letters and digits, starting with a letter")]
    [InlineData("extendedSessionIdleTimeoutInSeconds", "0", "extendedSessionIdleTimeoutInSeconds must be 1-3600")]
    [InlineData("extendedSessionIdleTimeoutInSeconds", "3601", "extendedSessionIdleTimeoutInSeconds must be 1-3600")]
    [InlineData("maxConcurrentActivityFunctions", "0", "maxConcurrentActivityFunctions must be 1-10000")]
    [InlineData("maxConcurrentOrchestratorFunctions", "10001", "maxConcurrentOrchestratorFunctions must be 1-10000")]
    [InlineData("maximumTimerInterval", "00:00:00", "maximumTimerInterval must be positive and under 7 days")]
    [InlineData("maximumTimerInterval", "7.00:00:00", "maximumTimerInterval must be positive and under 7 days")]
    [InlineData("storageProvider:partitionCount", "0", "storageProvider__partitionCount must be 1-16")]
    [InlineData("storageProvider:partitionCount", "17", "storageProvider__partitionCount must be 1-16")]
    [InlineData("storageProvider:controlQueueBatchSize", "33", "storageProvider__controlQueueBatchSize must be 1-32")]
    [InlineData("storageProvider:maxQueuePollingInterval", "00:00:00", "storageProvider__maxQueuePollingInterval must be a positive time span")]
    [InlineData("storageProvider:workItemQueueVisibilityTimeout", "-00:00:01", "storageProvider__workItemQueueVisibilityTimeout must be a positive time span")]
    [InlineData("storageProvider:controlQueueVisibilityTimeout", "00:00:00", "storageProvider__controlQueueVisibilityTimeout must be a positive time span")]
    public void Validate_OneBadSetting_FailsNamingIt(string setting, string value, string expected)
    {
        var options = With(setting, value);

        var result = new LocalDurableOptionsValidator().Validate(null, options);

        Assert.StartsWith(Setting + expected, Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SeveralBadSettings_ReportsEveryOne()
    {
        var options = With("hubName", "x");
        options.ConnectionString = null;
        options.StorageProvider.PartitionCount = 0;

        var failures = new LocalDurableOptionsValidator().Validate(null, options).Failures!.ToList();

        Assert.Equal(3, failures.Count);
        Assert.Contains(failures, f => f.StartsWith("AzureWebJobsStorage ", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith(Setting + "hubName ", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith(Setting + "storageProvider__partitionCount ", StringComparison.Ordinal));
    }

    private static LocalDurableOptions Valid() => new() { ConnectionString = "UseDevelopmentStorage=true" };

    /// <summary>Valid options with the host.json setting <paramref name="setting"/> set to <paramref name="value"/>.</summary>
    private static LocalDurableOptions With(string setting, string value)
    {
        var options = Valid();
        var storage = options.StorageProvider;
        switch (setting)
        {
            case "hubName": options.HubName = value; break;
            case "extendedSessionIdleTimeoutInSeconds": options.ExtendedSessionIdleTimeoutInSeconds = Number(value); break;
            case "maxConcurrentActivityFunctions": options.MaxConcurrentActivityFunctions = Number(value); break;
            case "maxConcurrentOrchestratorFunctions": options.MaxConcurrentOrchestratorFunctions = Number(value); break;
            case "maximumTimerInterval": options.MaximumTimerInterval = Time(value); break;
            case "storageProvider:partitionCount": storage.PartitionCount = Number(value); break;
            case "storageProvider:controlQueueBatchSize": storage.ControlQueueBatchSize = Number(value); break;
            case "storageProvider:maxQueuePollingInterval": storage.MaxQueuePollingInterval = Time(value); break;
            case "storageProvider:workItemQueueVisibilityTimeout": storage.WorkItemQueueVisibilityTimeout = Time(value); break;
            case "storageProvider:controlQueueVisibilityTimeout": storage.ControlQueueVisibilityTimeout = Time(value); break;
            default: throw new ArgumentOutOfRangeException(nameof(setting), setting, "No such case.");
        }

        return options;
    }

    private static int Number(string value) => int.Parse(value, CultureInfo.InvariantCulture);

    private static TimeSpan Time(string value) => TimeSpan.Parse(value, CultureInfo.InvariantCulture);
}

using Omnichannel.LocalHost.Configuration;
using Omnichannel.LocalHost.Triggers;

namespace Omnichannel.LocalHost.Tests.Configuration;

public sealed class QueueTriggerOptionsValidatorTests
{
    private const string Setting = "AzureFunctionsJobHost__extensions__queues__";

    [Fact]
    public void Validate_Defaults_Succeed()
    {
        Assert.True(new QueueTriggerOptionsValidator().Validate(null, new QueueTriggerOptions()).Succeeded);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(33)]
    public void Validate_BatchSizeOutOfRange_FailsNamingIt(int batchSize)
    {
        var result = new QueueTriggerOptionsValidator().Validate(null, new QueueTriggerOptions { BatchSize = batchSize });

        Assert.StartsWith(Setting + "batchSize must be 1-32", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NoDequeue_FailsNamingMaxDequeueCount()
    {
        var result = new QueueTriggerOptionsValidator().Validate(null, new QueueTriggerOptions { MaxDequeueCount = 0 });

        Assert.StartsWith(Setting + "maxDequeueCount must be at least 1", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NegativeRetryDelay_FailsNamingVisibilityTimeout()
    {
        var result = new QueueTriggerOptionsValidator().Validate(null, new QueueTriggerOptions { RetryDelay = TimeSpan.FromSeconds(-1) });

        Assert.StartsWith(Setting + "visibilityTimeout must not be negative", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Validate_PollingIntervalNotPositive_FailsNamingMaxPollingInterval(int seconds)
    {
        var result = new QueueTriggerOptionsValidator().Validate(null, new QueueTriggerOptions { MaxPollingInterval = TimeSpan.FromSeconds(seconds) });

        Assert.StartsWith(Setting + "maxPollingInterval must be a positive time span", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SeveralBadSettings_ReportsEveryOne()
    {
        var options = new QueueTriggerOptions { BatchSize = 0, MaxDequeueCount = 0, RetryDelay = TimeSpan.FromSeconds(-1), MaxPollingInterval = TimeSpan.Zero };

        var failures = new QueueTriggerOptionsValidator().Validate(null, options).Failures!.ToList();

        Assert.Equal(4, failures.Count);
        Assert.All(new[] { "batchSize", "maxDequeueCount", "visibilityTimeout", "maxPollingInterval" }, s => Assert.Contains(failures, f => f.StartsWith($"{Setting}{s} ", StringComparison.Ordinal)));
    }
}

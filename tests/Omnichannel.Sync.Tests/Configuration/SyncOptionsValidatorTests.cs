using Omnichannel.Sync.Configuration;

namespace Omnichannel.Sync.Tests.Configuration;

public sealed class SyncOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeed()
    {
        Assert.True(new SyncOptionsValidator().Validate(null, new SyncOptions()).Succeeded);
    }

    [Fact]
    public void Validate_BadValues_NameEachSetting()
    {
        var options = new SyncOptions
        {
            StateTable = "x",
            FeedsContainer = "Feeds",
            RetrySchedule = "every minute",
            MaxConcurrentPushesPerChannel = 0,
            ClaimTimeout = TimeSpan.FromSeconds(1),
            BatchWindow = TimeSpan.FromSeconds(11),
            DefaultCurrency = "euro",
            Feeds = new() { ["bad name"] = FeedKind.PriceComparison },
        };

        var failures = string.Join("\n", new SyncOptionsValidator().Validate(null, options).Failures!);

        foreach (var setting in new[] { "Sync__StateTable", "Sync__FeedsContainer", "Sync__RetrySchedule", "Sync__MaxConcurrentPushesPerChannel", "Sync__ClaimTimeout", "Sync__BatchWindow", "Sync__DefaultCurrency", "Sync__Feeds__bad name" })
        {
            Assert.Contains($"{setting} must be", failures, StringComparison.Ordinal);
        }
    }
}

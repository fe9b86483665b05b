using Omnichannel.Channels.Configuration;
using Omnichannel.Channels.Polling;

namespace Omnichannel.Channels.Tests.Configuration;

public sealed class PollingOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeed()
    {
        Assert.True(new PollingOptionsValidator().Validate(null, new PollingOptions()).Succeeded);
    }

    [Fact]
    public void Validate_SeveralBadSettings_ReportsEveryOneByAppSettingName()
    {
        var failures = new PollingOptionsValidator().Validate(null, new PollingOptions { Schedule = "*/5 * * * *", Overlap = TimeSpan.FromMinutes(-1), InitialLookback = TimeSpan.Zero }).Failures!.ToList();

        Assert.Equal(3, failures.Count);
        Assert.Contains(failures, f => f.StartsWith("Channels__Polling__Schedule must be a 6-field NCRONTAB", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Channels__Polling__Overlap must not be negative", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Channels__Polling__InitialLookback must be a positive", StringComparison.Ordinal));
    }
}

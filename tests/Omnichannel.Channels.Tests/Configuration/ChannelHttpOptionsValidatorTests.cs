using Omnichannel.Channels.Configuration;
using Omnichannel.Channels.Outbound;

namespace Omnichannel.Channels.Tests.Configuration;

public sealed class ChannelHttpOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeed()
    {
        Assert.True(new ChannelHttpOptionsValidator().Validate(null, new ChannelHttpOptions()).Succeeded);
    }

    [Fact]
    public void Validate_SeveralBadSettings_ReportsEveryOneByAppSettingName()
    {
        var failures = new ChannelHttpOptionsValidator().Validate(null, new ChannelHttpOptions { MaxRetries = 21, BreakerFailureRatio = 0, AttemptTimeout = TimeSpan.Zero }).Failures!.ToList();

        Assert.Equal(3, failures.Count);
        Assert.Contains("Channels__Http__MaxRetries must be 0-20 (was 21).", failures);
        Assert.Contains(failures, f => f.StartsWith("Channels__Http__BreakerFailureRatio must be", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Channels__Http__AttemptTimeout must be a positive time span", StringComparison.Ordinal));
    }
}

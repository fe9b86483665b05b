using Omnichannel.Channels.Polling;
using Omnichannel.Channels.Tests.Support;

namespace Omnichannel.Channels.Tests.Polling;

public sealed class PollingFunctionsTests
{
    [Theory]
    [InlineData("amazon", null, true)]
    [InlineData("allegro", null, true)]
    [InlineData("woocommerce", null, false)]
    [InlineData("woocommerce", "true", true)]
    [InlineData("ebay", "false", false)]
    public void IsEnabled_DefaultPerAdapterAndOverride(string channel, string? poll, bool expected)
    {
        var account = poll is null ? TestAccounts.For(channel) : TestAccounts.For(channel, "main", ("Poll", poll));

        Assert.Equal(expected, PollingFunctions.IsEnabled(account));
    }
}

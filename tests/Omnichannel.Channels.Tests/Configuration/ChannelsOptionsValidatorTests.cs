using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Omnichannel.Channels.Configuration;
using Omnichannel.Channels.Tests.Support;

namespace Omnichannel.Channels.Tests.Configuration;

public sealed class ChannelsOptionsValidatorTests
{
    [Fact]
    public async Task Validate_DefaultsAndTheOutboundFixturesAccounts_Succeed()
    {
        await using var fixture = await OutboundFixture.CreateAsync();

        Assert.NotNull(fixture.Services.GetRequiredService<IOptions<ChannelsOptions>>().Value);
    }

    [Theory]
    [InlineData("Channels:Ingestion:DeliveryQueue", "Channel-Deliveries", "Channels__Ingestion__DeliveryQueue must be a queue name")]
    [InlineData("Channels:Ingestion:DedupeTable", "dedupe-table", "Channels__Ingestion__DedupeTable must be a table name")]
    [InlineData("Channels:Ingestion:MaxBodyBytes", "10", "Channels__Ingestion__MaxBodyBytes must be 1024-67108864")]
    [InlineData("Channels:shopify:main:BaseUrl", "not a url", "Channels__shopify__main__BaseUrl must be an absolute URL")]
    [InlineData("Channels:shopify:main:MaxAge", "-00:01:00", "Channels__shopify__main__MaxAge must be a positive time span")]
    [InlineData("Channels:shopify:main:RequestsPerSecond", "fast", "Channels__shopify__main__RequestsPerSecond must be a positive number")]
    [InlineData("Channels:shopify:main:Poll", "yes", "Channels__shopify__main__Poll must be true or false")]
    [InlineData("Channels:allegro:main:StockBatchSize", "5000", "Channels__allegro__main__StockBatchSize must be a whole number from 1 to 1000")]
    [InlineData("Channels:rakuten:main:Secret", "s", "Channels__rakuten__main__Adapter must name a known adapter")]
    [InlineData("Channels:walmart:main:Authentication", "basic", "Channels__walmart__main__BasicUser is required")]
    public async Task Validate_OneBadSetting_FailsNamingIt(string setting, string value, string expected)
    {
        var error = await FailureAsync(new() { ["Channels:shopify:main:Secret"] = "s", ["Channels:allegro:main:AccessToken"] = "t", ["Channels:walmart:main:Secret"] = "s", [setting] = value });

        Assert.Contains(expected, Assert.Single(error.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_SeveralBadAccountsAndSettings_ReportsEveryOne()
    {
        var error = await FailureAsync(new()
        {
            ["Channels:Ingestion:OrderQueue"] = "orders--queue",
            ["Channels:shopify:main:BaseUrl"] = "relative/path",
            ["Channels:woocommerce:main:PageSize"] = "0",
            ["Channels:tiktok:main:Secret"] = "s",
        });

        Assert.Equal(4, error.Failures.Count());
        Assert.Contains(error.Failures, f => f.StartsWith("Channels__Ingestion__OrderQueue ", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("Channels__shopify__main__BaseUrl ", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("Channels__woocommerce__main__PageSize ", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("Channels__tiktok__main__Adapter ", StringComparison.Ordinal));
    }

    private static async Task<OptionsValidationException> FailureAsync(Dictionary<string, string?> settings)
    {
        await using var services = await ChannelServices.CreateAsync(TimeProvider.System, settings);
        return Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ChannelsOptions>>().Value);
    }
}

using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Channels.Configuration;
using Omnichannel.Channels.Outbound;

using Omnichannel.Testing;

namespace Omnichannel.Channels.Tests.Support;

/// <summary>A fake channel server plus the feature's services with one account per adapter pointing at it.</summary>
public sealed class OutboundFixture : IAsyncDisposable
{
    private OutboundFixture(FakeChannelServer server, ServiceProvider services)
    {
        Server = server;
        Services = services;
    }

    public FakeChannelServer Server { get; }

    public ServiceProvider Services { get; }

    public static readonly string[] Adapters = ["shopify", "woocommerce", "pos", "generic", "amazon", "ebay", "etsy", "allegro", "walmart", "bigcommerce"];

    public static async Task<OutboundFixture> CreateAsync(Dictionary<string, string?>? extra = null, Uri? baseUrl = null)
    {
        var server = await FakeChannelServer.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Channels:Http:RetryBaseDelay"] = "00:00:00.010",
            ["Channels:Http:MaxRetries"] = "3",
            ["Channels:Http:RequestsPerSecond"] = "1000",
            ["Channels:Http:Burst"] = "1000",
        };
        foreach (var adapter in Adapters)
        {
            var prefix = $"Channels:{adapter}:main:";
            settings[prefix + "BaseUrl"] = (baseUrl ?? server.BaseUrl).ToString();
            settings[prefix + "Secret"] = TestAccounts.Secret;
            settings[prefix + "AccessToken"] = "token-" + adapter;
            settings[prefix + "ConsumerKey"] = "ck_1";
            settings[prefix + "ConsumerSecret"] = "cs_1";
            settings[prefix + "MarketplaceId"] = "ATVPDKIKX0DER";
            settings[prefix + "SellerId"] = "SELLER1";
            settings[prefix + "ShopId"] = "5551";
            settings[prefix + "ApiKey"] = "etsy-key";
            settings[prefix + "OrderAddressId"] = "77";
        }

        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        return new OutboundFixture(server, await ChannelServices.CreateAsync(TimeProvider.System, settings));
    }

    public IChannelClient Client(string channel) => Services.GetRequiredService<ChannelClients>().Get(channel);

    /// <summary>An outbound request of the channel's <c>main</c> account, as the feature's callers build it.</summary>
    public ChannelRequest Request(string channel)
    {
        var account = Services.GetRequiredService<ChannelAccounts>().Require(channel, "main");
        return ChannelRequest.For(account, Services.GetRequiredService<IHttpClientFactory>(), TimeProvider.System, CancellationToken.None);
    }

    public RecordedRequest Single() => Assert.Single(Server.Requests);

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Server.DisposeAsync();
    }
}

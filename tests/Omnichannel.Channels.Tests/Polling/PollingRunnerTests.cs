using System.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Omnichannel.Channels.Adapters.WooCommerce;
using Omnichannel.Channels.Configuration;
using Omnichannel.Channels.Outbound;
using Omnichannel.Channels.Polling;
using Omnichannel.Channels.Storage;
using Omnichannel.Channels.Tests.Support;
using Omnichannel.Testing;

namespace Omnichannel.Channels.Tests.Polling;

public sealed class PollingRunnerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task PollAsync_OrderIndexedLateNearWindowEnd_CaughtByNextOverlappingWindow()
    {
        await using var server = await FakeChannelServer.StartAsync();
        var store = new FakeWooStore();
        store.Add(1, T0.AddHours(-2));
        store.Add(2, T0.AddSeconds(-65), hiddenForSearches: 1);
        store.Add(3, T0.AddSeconds(-30));
        server.Handler = store.Answer;
        var time = new FakeTimeProvider(T0);
        await using var services = await CreateServicesAsync(server, time, StorageNames());

        await PollAsync(services);
        time.Advance(TimeSpan.FromMinutes(5));
        await PollAsync(services);

        Assert.Equal(["1", "2", "3"], (await QueuedAsync(services)).Select(m => m.ChannelOrderId).Order());
    }

    [Fact]
    public async Task PollAsync_FailsMidwayThenHostRestarts_ResumesFromCursorAndLosesNothing()
    {
        await using var server = await FakeChannelServer.StartAsync();
        var store = new FakeWooStore();
        for (var id = 1; id <= 5; id++)
        {
            store.Add(id, T0.AddMinutes(-30 + id));
        }

        store.FailPages.Add(2);
        server.Handler = store.Answer;
        var time = new FakeTimeProvider(T0);
        var names = StorageNames();
        await using (var first = await CreateServicesAsync(server, time, names))
        {
            await Assert.ThrowsAsync<ChannelApiException>(() => PollAsync(first));
            Assert.Equal(2, (await QueuedAsync(first)).Count);
        }

        time.Advance(TimeSpan.FromMinutes(5));
        await using var restarted = await CreateServicesAsync(server, time, names);
        await PollAsync(restarted);
        var cursor = (await restarted.GetRequiredService<PollCursorStore>().ReadAsync("woocommerce", "main", CancellationToken.None)).Cursor;
        time.Advance(TimeSpan.FromMinutes(5));
        server.Requests.Clear();
        await PollAsync(restarted);

        Assert.Equal(["1", "2", "3", "4", "5"], (await QueuedAsync(restarted)).Select(m => m.ChannelOrderId).Order());
        Assert.Equal(T0.AddMinutes(5) - new PollingOptions().SettleDelay, cursor?.Time);
        var after = HttpUtility.ParseQueryString(server.Requests.First().PathAndQuery.Split('?')[1])["modified_after"];
        Assert.Equal(cursor!.Time!.Value - new PollingOptions().Overlap, DateTimeOffset.Parse(after!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task PollAsync_SameWindowTwice_ForwardsOnce()
    {
        await using var server = await FakeChannelServer.StartAsync();
        var store = new FakeWooStore();
        store.Add(727, T0.AddMinutes(-3));
        server.Handler = store.Answer;
        var time = new FakeTimeProvider(T0);
        await using var services = await CreateServicesAsync(server, time, StorageNames());
        var first = await PollAsync(services);
        var again = await PollAsync(services);

        Assert.Equal((1, 0), (first, again));
    }

    [Fact]
    public void Window_NoCursor_StartsAtInitialLookback()
    {
        var options = new PollingOptions();

        var window = PollingRunner.Window(null, T0, options);

        Assert.Equal((T0 - options.SettleDelay - options.InitialLookback, T0 - options.SettleDelay), (window.From, window.To));
    }

    private static Task<int> PollAsync(IServiceProvider services)
    {
        var account = services.GetRequiredService<ChannelAccounts>().Find("woocommerce", "main")!;
        return services.GetRequiredService<PollingRunner>().PollAsync(account, new WooCommercePoller(), CancellationToken.None);
    }

    private static Dictionary<string, string?> StorageNames() => TestStorage.UniqueNames();

    private static Task<ServiceProvider> CreateServicesAsync(FakeChannelServer server, TimeProvider time, Dictionary<string, string?> names)
    {
        var settings = new Dictionary<string, string?>(names)
        {
            ["Channels:woocommerce:main:BaseUrl"] = server.BaseUrl.ToString(),
            ["Channels:woocommerce:main:Secret"] = TestAccounts.Secret,
            ["Channels:woocommerce:main:ConsumerKey"] = "ck",
            ["Channels:woocommerce:main:ConsumerSecret"] = "cs",
            ["Channels:woocommerce:main:PageSize"] = "2",
        };
        return ChannelServices.CreateAsync(time, settings);
    }

    private static async Task<IReadOnlyList<ChannelOrderMessage>> QueuedAsync(IServiceProvider services)
    {
        var storage = services.GetRequiredService<ChannelStorage>();
        var messages = (await storage.Orders.PeekMessagesAsync(32)).Value;
        return messages.Select(m => System.Text.Json.JsonSerializer.Deserialize<ChannelOrderMessage>(m.Body.ToString())!).ToList();
    }
}

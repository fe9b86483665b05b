using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Channels.Ingestion;
using Omnichannel.Channels.Model;
using Omnichannel.Channels.Outbound;
using Omnichannel.Channels.Storage;
using Omnichannel.Channels.Tests.Support;

namespace Omnichannel.Channels.Tests.Ingestion;

/// <summary>A thin notification becomes the order it names, through the same intake as webhooks, or is quarantined.</summary>
public sealed class ReferenceResolverTests
{
    [Fact]
    public async Task ResolveAsync_BigCommerceReference_FetchedArchivedAndQueuedAsNewOrder()
    {
        await using var fixture = await OutboundFixture.CreateAsync();
        fixture.Server.Handler = BigCommerceStore.Order("1001");

        var outcome = await Resolver(fixture).ResolveAsync(Reference("bigcommerce", "1001"), CancellationToken.None);

        Assert.Equal(ReferenceOutcome.Forwarded, outcome);
        var queued = Assert.Single(await QueuedAsync(fixture));
        Assert.Equal((OrderEventKind.New, "1001", 2), (queued.Kind, queued.ChannelOrderId, queued.Order?.Lines.Count));
        var archived = await fixture.Services.GetRequiredService<WebhookArchiveStore>().ReadAsync(queued.ArchiveBlob, CancellationToken.None);
        Assert.Equal(("fetch", "v2/orders/1001"), (archived.Source, archived.Url));
        using var body = JsonDocument.Parse(archived.Body);
        Assert.Equal(1001, body.RootElement.GetProperty("order").GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task ResolveAsync_SameReferenceTwice_QueuesOneOrder()
    {
        await using var fixture = await OutboundFixture.CreateAsync();
        fixture.Server.Handler = BigCommerceStore.Order("1001");
        var resolver = Resolver(fixture);

        var first = await resolver.ResolveAsync(Reference("bigcommerce", "1001"), CancellationToken.None);
        var second = await resolver.ResolveAsync(Reference("bigcommerce", "1001", "hash-2"), CancellationToken.None);

        Assert.Equal((ReferenceOutcome.Forwarded, ReferenceOutcome.Duplicate), (first, second));
        Assert.Single(await QueuedAsync(fixture));
    }

    [Fact]
    public async Task ResolveAsync_ChannelDoesNotKnowTheOrder_QuarantinedAndNothingQueued()
    {
        await using var fixture = await OutboundFixture.CreateAsync();
        fixture.Server.Handler = BigCommerceStore.Order("1001");

        var outcome = await Resolver(fixture).ResolveAsync(Reference("bigcommerce", "404404"), CancellationToken.None);

        Assert.Equal(ReferenceOutcome.Unknown, outcome);
        Assert.Empty(await QueuedAsync(fixture));
        var quarantined = Assert.Single(await fixture.Services.GetRequiredService<QuarantineStore>().ListAsync("bigcommerce", 10, CancellationToken.None));
        Assert.Equal("ref-blob", quarantined.ArchiveBlob);
        Assert.Contains("404404", quarantined.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResolveAsync_ChannelDown_ThrowsSoTheQueueRetriesAndQueuesNothing()
    {
        await using var fixture = await OutboundFixture.CreateAsync();
        fixture.Server.Handler = _ => (503, """{"title":"down"}""");

        await Assert.ThrowsAsync<ChannelApiException>(() => Resolver(fixture).ResolveAsync(Reference("bigcommerce", "1001"), CancellationToken.None));

        Assert.Empty(await QueuedAsync(fixture));
        Assert.Empty(await fixture.Services.GetRequiredService<QuarantineStore>().ListAsync("bigcommerce", 10, CancellationToken.None));
    }

    [Fact]
    public async Task ResolveAsync_AdapterWithoutFetchCall_QuarantinedNamingTheAdapter()
    {
        await using var fixture = await OutboundFixture.CreateAsync();

        var outcome = await Resolver(fixture).ResolveAsync(Reference("generic", "G-1"), CancellationToken.None);

        Assert.Equal(ReferenceOutcome.Unsupported, outcome);
        Assert.Empty(fixture.Server.Requests);
        var quarantined = Assert.Single(await fixture.Services.GetRequiredService<QuarantineStore>().ListAsync("generic", 10, CancellationToken.None));
        Assert.Contains("'generic'", quarantined.Reason, StringComparison.Ordinal);
    }

    private static ReferenceResolver Resolver(OutboundFixture fixture) => fixture.Services.GetRequiredService<ReferenceResolver>();

    private static ChannelOrderMessage Reference(string channel, string orderId, string delivery = "hash-1") =>
        new($"{channel}|main|ref|{orderId}|{delivery}", OrderEventKind.Reference, channel, "main", orderId, "ref-blob", delivery, Deliveries.Now);

    private static async Task<IReadOnlyList<ChannelOrderMessage>> QueuedAsync(OutboundFixture fixture)
    {
        var storage = fixture.Services.GetRequiredService<ChannelStorage>();
        await storage.EnsureCreatedAsync(CancellationToken.None);
        var messages = (await storage.Orders.PeekMessagesAsync(32)).Value;
        return messages.Select(m => JsonSerializer.Deserialize<ChannelOrderMessage>(m.Body.ToString())!).ToList();
    }
}

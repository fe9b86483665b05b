using Azure.Storage.Queues.Models;
using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Ledger.Catalogue;
using Omnichannel.Sync.Tests.Support;

namespace Omnichannel.Sync.Tests.Pushing;

public sealed class PushFunctionsTests
{
    [Theory]
    [InlineData("not json")]
    [InlineData("{\"locations\":[]}")]
    public async Task StockChangedAsync_MalformedMessage_IsDroppedWithoutCallingAChannel(string body)
    {
        await using var h = await SyncHarness.CreateAsync();
        await h.AddLocationsAsync();
        await h.AddProductAsync("m-1", ("shopify", new StockRule()));
        using var scope = h.Get<IServiceProvider>().CreateScope();

        await SyncHarness.CreatePushFunctions(scope.ServiceProvider).StockChangedAsync(QueuesModelFactory.QueueMessage("id-1", "receipt", BinaryData.FromString(body), 1), default);

        Assert.Empty(h.Channels["shopify"].Calls);
    }

    [Fact]
    public async Task StockChangedAsync_AdapterThrowsUnexpectedly_RecordsTheFailureAndReleasesTheClaim()
    {
        await using var h = await SyncHarness.CreateAsync();
        await h.AddLocationsAsync();
        await h.AddProductAsync("m-2", ("shopify", new StockRule()), ("ebay", new StockRule()));
        await h.MoveAsync("m-2", Omnichannel.Ledger.Stock.MovementKind.Receipt, "wh", 5);
        h.Channels["shopify"].Gate = _ => throw new InvalidOperationException("unreadable answer");

        await h.DrainQueueAsync();

        var state = await h.StateAsync("shopify", "m-2");
        Assert.Equal((5, 1, "unreadable answer"), (state.Pending!.Value, state.Failures, state.LastError));
        Assert.Null(state.ClaimId);
        Assert.Equal(5, h.Channels["ebay"].ShownFor("ebay-m-2"));
    }
}

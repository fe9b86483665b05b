using Omnichannel.Events.Destinations;
using Omnichannel.Events.Model;
using Omnichannel.Storage.Connection;
using Omnichannel.Storage.Errors;
using Omnichannel.Testing;

namespace Omnichannel.Events.Tests.Destinations;

public sealed class StorageQueueDestinationTests
{
    [Fact]
    public async Task SendAsync_StorageDownAtFirstSendThenBack_CreatesTheQueueAndDelivers()
    {
        await using var azurite = await PrivateAzurite.StartAsync();
        var queueName = Unique.Name("events-dest");
        var destination = new StorageQueueDestination(StorageAccount.FromConnectionString(azurite.ConnectionString), queueName, "/hub/test");
        var e = new HubEvent(HubEventId.For(EventTypes.OrderCancelled, "o-1", "Cancel"), EventTypes.OrderCancelled, "o-1", DateTimeOffset.UnixEpoch, EventJson.Data(new { orderId = "o-1" }));

        await azurite.StopAsync();
        var down = await Assert.ThrowsAnyAsync<Exception>(() => destination.SendAsync([e], CancellationToken.None));
        Assert.True(StorageOutage.Is(down), down.ToString());
        await azurite.RestartAsync();
        await destination.SendAsync([e], CancellationToken.None);

        var queue = StorageAccount.FromConnectionString(azurite.ConnectionString).Queues.GetQueueClient(queueName);
        var received = await queue.ReceiveMessagesAsync(maxMessages: 10);
        var message = Assert.Single(received.Value);
        Assert.Contains(e.Id, message.Body.ToString(), StringComparison.Ordinal);
    }
}

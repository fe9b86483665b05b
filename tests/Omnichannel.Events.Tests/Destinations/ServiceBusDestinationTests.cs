using Azure.Identity;
using Azure.Messaging;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using Omnichannel.Events.Destinations;
using Omnichannel.Events.Model;
using Omnichannel.Events.Tests.Support;

namespace Omnichannel.Events.Tests.Destinations;

public sealed class ServiceBusDestinationTests
{
    private static readonly HubEvent Shipped = new(
        HubEventId.For(EventTypes.OrderShipped, "amazon:eu:123", "ShipStock", "1Z999"),
        EventTypes.OrderShipped,
        "amazon:eu:123",
        EventsHarness.Start,
        EventJson.Data(new { orderId = "amazon:eu:123", step = "ShipStock", parcel = new { carrier = "ups", trackingNumber = "1Z999" } }));

    [Fact]
    public void Message_ShippedEvent_IdSessionSubjectAndCloudEventBody()
    {
        var message = ServiceBusDestination.Message(Shipped, "/omnichannel-hub");

        // What a subscriber receives, as the SDK's model factory builds it from the sent message's fields.
        var received = ServiceBusModelFactory.ServiceBusReceivedMessage(
            body: message.Body, messageId: message.MessageId, sessionId: message.SessionId, subject: message.Subject, contentType: message.ContentType);
        Assert.Equal((Shipped.Id, "amazon:eu:123", EventTypes.OrderShipped, "application/cloudevents+json"), (received.MessageId, received.SessionId, received.Subject, received.ContentType));
        var cloudEvent = CloudEvent.Parse(received.Body)!;
        Assert.Equal((Shipped.Id, EventTypes.OrderShipped, "/omnichannel-hub", "amazon:eu:123", Shipped.Time), (cloudEvent.Id, cloudEvent.Type, cloudEvent.Source, cloudEvent.Subject, cloudEvent.Time));
        Assert.Equal("1Z999", cloudEvent.Data!.ToObjectFromJson<System.Text.Json.JsonElement>().GetProperty("parcel").GetProperty("trackingNumber").GetString());
    }

    [Fact]
    public async Task SweepAsync_SendFailsOnceThenWorks_RetriedAfterBackoffWithTheSameMessageId()
    {
        var sent = new List<ServiceBusMessage>();
        var sender = new Mock<ServiceBusSender>();
        sender.SetupGet(s => s.EntityPath).Returns("hub-events");
        sender.Setup(s => s.SendMessagesAsync(It.IsAny<IEnumerable<ServiceBusMessage>>(), It.IsAny<CancellationToken>()))
            .Callback<IEnumerable<ServiceBusMessage>, CancellationToken>((m, _) => sent.AddRange(m))
            .Returns(() => sent.Count == 1 ? Task.FromException(new ServiceBusException(true, "The namespace is busy.", "hub-events", ServiceBusFailureReason.ServiceBusy)) : Task.CompletedTask);
        await using var h = await EventsHarness.CreateAsync(new Dictionary<string, string?> { ["Events:Queue"] = string.Empty }, s => s.AddSingleton<IEventDestination>(new ServiceBusDestination(sender.Object, "/omnichannel-hub")));

        await h.Outbox.RecordAsync(Shipped.Subject, [Shipped], default);

        // Surfaced: the failure is in the destination's state, the event still in the outbox.
        var failed = (await h.States.ReadAllAsync(default))["servicebus:hub-events"];
        Assert.Equal(1, failed.ConsecutiveFailures);
        Assert.Contains("ServiceBusy", failed.LastError, StringComparison.Ordinal);
        h.Time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(1, await h.Sweeper.SweepAsync(default));

        Assert.Equal(2, sent.Count);
        Assert.All(sent, m => Assert.Equal((Shipped.Id, Shipped.Subject, Shipped.Type), (m.MessageId, m.SessionId, m.Subject)));
        Assert.Equal(0, (await h.States.ReadAllAsync(default))["servicebus:hub-events"].ConsecutiveFailures);
        Assert.Equal(["servicebus:hub-events"], Assert.Single(await h.Journal.QueryAsync(Shipped.Subject, null, Shipped.Time.AddDays(-1), h.Time.GetUtcNow(), default)).Destinations);
    }

    [Fact]
    public async Task SweepAsync_SendKeepsFailing_ShownWithItsErrorKeptInTheOutboxNeverPaused()
    {
        var sender = new Mock<ServiceBusSender>();
        sender.SetupGet(s => s.EntityPath).Returns("hub-events");
        sender.Setup(s => s.SendMessagesAsync(It.IsAny<IEnumerable<ServiceBusMessage>>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ServiceBusException("Unauthorized: the identity lacks Azure Service Bus Data Sender.", ServiceBusFailureReason.GeneralError));
        await using var h = await EventsHarness.CreateAsync(
            new Dictionary<string, string?> { ["Events:Queue"] = string.Empty, ["Events:PauseAfterFailures"] = "2" },
            s => s.AddSingleton<IEventDestination>(new ServiceBusDestination(sender.Object, "/omnichannel-hub")));

        await h.Outbox.RecordAsync(Shipped.Subject, [Shipped], default);
        for (var i = 0; i < 4; i++)
        {
            h.Time.Advance(TimeSpan.FromMinutes(10));
            Assert.Equal(0, await h.Sweeper.SweepAsync(default));
        }

        var state = (await h.States.ReadAllAsync(default))["servicebus:hub-events"];
        Assert.Equal((5, false), (state.ConsecutiveFailures, state.Paused));
        Assert.Contains("GeneralError", state.LastError, StringComparison.Ordinal);
        Assert.Empty(await h.Journal.QueryAsync(Shipped.Subject, null, Shipped.Time.AddDays(-1), h.Time.GetUtcNow(), default));
        sender.Verify(s => s.SendMessagesAsync(It.IsAny<IEnumerable<ServiceBusMessage>>(), It.IsAny<CancellationToken>()), Times.Exactly(5));
    }

    /// <summary>
    /// Runs against a real namespace when HUB_TEST_SERVICEBUS names one (<c>{namespace}.servicebus.windows.net/{topic}</c>,
    /// signed in with DefaultAzureCredential, which needs Azure Service Bus Data Sender on the topic); skipped otherwise.
    /// </summary>
    [SkippableFact]
    public async Task SendAsync_RealNamespace_TopicAcceptsTheEvent()
    {
        var target = Environment.GetEnvironmentVariable("HUB_TEST_SERVICEBUS");
        Skip.If(string.IsNullOrWhiteSpace(target), "HUB_TEST_SERVICEBUS is not set (e.g. sb-omnihub-dev.servicebus.windows.net/hub-events): no Service Bus namespace to send to, and no emulator runs here.");
        var (ns, topic) = target!.Split('/', 2) is [var n, var t] ? (n, t) : (target, "hub-events");
        await using var client = new ServiceBusClient(ns, new DefaultAzureCredential());
        await using var sender = client.CreateSender(topic);
        var e = Shipped with { Id = HubEventId.For(EventTypes.OrderShipped, Shipped.Subject, Guid.NewGuid().ToString("N")), Time = TimeProvider.System.GetUtcNow() };

        await new ServiceBusDestination(sender, "/omnichannel-hub-tests").SendAsync([e], default);
        await new ServiceBusDestination(sender, "/omnichannel-hub-tests").SendAsync([e], default);
    }
}

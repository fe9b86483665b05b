using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Omnichannel.Channels.Adapters.Shopify;
using Omnichannel.Channels.Adapters.WooCommerce;
using Omnichannel.Channels.Ingestion;
using Omnichannel.Channels.Model;
using Omnichannel.Channels.Storage;
using Omnichannel.Channels.Tests.Support;
using Omnichannel.Hosting.Json;

namespace Omnichannel.Channels.Tests.Ingestion;

public sealed class WebhookPipelineTests
{
    private static readonly byte[] ShopifyOrder = Payload.Bytes("Shopify", "orders-create.json");

    [Fact]
    public async Task Post_AuthenticShopifyOrder_ArchivesRawBytesAndQueuesPointer()
    {
        await using var hub = await ChannelHub.CreateAsync();

        using var response = await hub.PostAsync("/api/webhooks/shopify/main", ShopifyOrder, ShopifyHeaders(ShopifyOrder, "evt-1"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var message = Assert.Single(await hub.QueuedAsync());
        Assert.Equal((OrderEventKind.New, "shopify", "main", "820982911946154508", "e:evt-1"), (message.Kind, message.Channel, message.Store, message.ChannelOrderId, message.DeliveryId));
        Assert.Equal(2, message.Order?.Lines.Count);
        var archived = await hub.Services.GetRequiredService<WebhookArchiveStore>().ReadAsync(message.ArchiveBlob, CancellationToken.None);
        Assert.Equal(ShopifyOrder, archived.Body);
        Assert.Equal("orders/create", archived.Headers["X-Shopify-Topic"]);
        Assert.True(archived.Headers.ContainsKey(ShopifyWebhookAdapter.SignatureHeader), "the signature is kept so the payload can be re-verified");
        Assert.True(new ShopifyWebhookAdapter().Verify(
            new WebhookDelivery("shopify", "main", archived.ReceivedAt, archived.Url, archived.Headers, archived.Body), Support.TestAccounts.For("shopify"), archived.ReceivedAt).IsValid);
    }

    [Fact]
    public async Task Post_SameDeliveryTwice_QueuesOneOrder()
    {
        await using var hub = await ChannelHub.CreateAsync();

        using var first = await hub.PostAsync("/api/webhooks/shopify/main", ShopifyOrder, ShopifyHeaders(ShopifyOrder, "evt-2"));
        await hub.ForwardedAsync();
        using var second = await hub.PostAsync("/api/webhooks/shopify/main", ShopifyOrder, ShopifyHeaders(ShopifyOrder, "evt-2"));

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(WebhookOutcome.Duplicate, (await second.Content.ReadFromJsonAsync<WebhookAck>(HubJson.Options))!.Outcome);
        Assert.Single(await hub.QueuedAsync());
    }

    [Fact]
    public async Task Post_SameOrderUnderAnotherDeliveryId_QueuesOneOrder()
    {
        await using var hub = await ChannelHub.CreateAsync();

        using var first = await hub.PostAsync("/api/webhooks/shopify/main", ShopifyOrder, ShopifyHeaders(ShopifyOrder, "evt-3"));
        using var second = await hub.PostAsync("/api/webhooks/shopify/main", ShopifyOrder, ShopifyHeaders(ShopifyOrder, "evt-4", "orders/updated"));

        // Another delivery: accepted before the answer, recognised as the same order content after it.
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        Assert.Single(await hub.QueuedAsync());
    }

    [Fact]
    public async Task Post_CancellationOfKnownOrder_ForwardedAsCancellation()
    {
        await using var hub = await ChannelHub.CreateAsync();
        var cancelled = Payload.Bytes("Shopify", "orders-cancelled.json");

        using var first = await hub.PostAsync("/api/webhooks/shopify/main", ShopifyOrder, ShopifyHeaders(ShopifyOrder, "evt-5"));
        await hub.ForwardedAsync();
        using var second = await hub.PostAsync("/api/webhooks/shopify/main", cancelled, ShopifyHeaders(cancelled, "evt-6", "orders/cancelled"));

        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        var kinds = (await hub.QueuedAsync()).Select(m => m.Kind).ToList();
        Assert.Equal([OrderEventKind.New, OrderEventKind.Cancellation], kinds);
    }

    [Fact]
    public async Task Post_WooCommerceSameOrderTwiceWithNewDeliveryIds_QueuesOneOrder()
    {
        await using var hub = await ChannelHub.CreateAsync();
        var body = Payload.Bytes("WooCommerce", "order-created.json");

        using var first = await hub.PostAsync("/api/webhooks/woocommerce/main", body, WooHeaders(body));
        await hub.ForwardedAsync();
        using var second = await hub.PostAsync("/api/webhooks/woocommerce/main", body, WooHeaders(body));

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Single(await hub.QueuedAsync());
    }

    [Fact]
    public async Task Post_WooCommerceHeadersLowerCase_OrderMappedAgainFromArchive()
    {
        await using var hub = await ChannelHub.CreateAsync();
        var body = Payload.Bytes("WooCommerce", "order-created.json");
        var headers = WooHeaders(body).Select(h => (h.Item1.ToLowerInvariant(), h.Item2)).ToArray();

        using var response = await hub.PostAsync("/api/webhooks/woocommerce/main", body, headers);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var message = Assert.Single(await hub.QueuedAsync());
        var archived = await Storage.WebhookArchiveStoreTests.RestoreAsync(hub.Services, message.ArchiveBlob);
        Assert.Equal("order.created", archived.Header("X-WC-Webhook-Topic"));
        var order = Assert.Single(new WooCommerceWebhookAdapter().Read(archived, TestAccounts.For("woocommerce")).Orders);
        Assert.Equal(message.ChannelOrderId, order.ChannelOrderId);
    }

    [Fact]
    public async Task Post_WooCommerceActivationPing_Answers200AndStoresNothing()
    {
        await using var hub = await ChannelHub.CreateAsync();

        using var response = await hub.PostAsync("/api/webhooks/woocommerce/main", Encoding.ASCII.GetBytes("webhook_id=12"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await hub.ArchivedAsync());
    }

    [Theory]
    [InlineData("tampered")]
    [InlineData("missing")]
    [InlineData("stale")]
    public async Task Post_UnauthenticPosReceipt_Answers401CountedAndStoresNothing(string kind)
    {
        await using var hub = await ChannelHub.CreateAsync();
        using var collector = new MetricCollector<long>(hub.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), ChannelMetrics.MeterName, "omnichannel.channels.webhooks");
        var body = Payload.Bytes("Pos", "sale.json");
        var now = hub.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var (sent, headers) = kind switch
        {
            "tampered" => (Deliveries.Tampered(body), Deliveries.HubHeaders(body, now)),
            "missing" => (body, []),
            _ => (body, Deliveries.HubHeaders(body, now.AddHours(-1))),
        };

        using var response = await hub.PostAsync("/api/webhooks/pos", sent, headers);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await hub.ArchivedAsync());
        Assert.Empty(await hub.QueuedAsync());
        var outcome = Assert.Single(collector.GetMeasurementSnapshot()).Tags["outcome"];
        Assert.StartsWith("rejected-", (string)outcome!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_MalformedJson_QuarantinedAcknowledgedAndListed()
    {
        await using var hub = await ChannelHub.CreateAsync();
        var body = Payload.Bytes("Shopify", "malformed.json");

        using var response = await hub.PostAsync("/api/webhooks/shopify/main", body, ShopifyHeaders(body, "evt-7"));
        await hub.ForwardedAsync();
        using var client = hub.CreateFunctionClient();
        var listed = await client.GetFromJsonAsync<List<QuarantinedPayload>>(new Uri("/api/webhooks/quarantine?channel=shopify", UriKind.Relative));
        using var withoutKey = await hub.Client.GetAsync(new Uri("/api/webhooks/quarantine", UriKind.Relative));

        // Acknowledged once archived and handed on; read, and quarantined, after the answer.
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Empty(await hub.QueuedAsync());
        var row = Assert.Single(listed!);
        Assert.Equal(("shopify", "main", "e:evt-7"), (row.Channel, row.Store, row.DeliveryId));
        Assert.Contains(row.ArchiveBlob, await hub.ArchivedAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, withoutKey.StatusCode);
    }

    [Fact]
    public async Task Post_BodyOverLimit_Answers413AndStoresNothing()
    {
        await using var hub = await ChannelHub.CreateAsync(new() { ["Channels:Ingestion:MaxBodyBytes"] = "2048" });
        var body = new byte[4096];

        using var response = await hub.PostAsync("/api/webhooks/shopify/main", body, ShopifyHeaders(body, "evt-8"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(await hub.ArchivedAsync());
    }

    [Fact]
    public async Task Post_UnconfiguredChannel_Answers404()
    {
        await using var hub = await ChannelHub.CreateAsync();

        using var response = await hub.PostAsync("/api/webhooks/nosuchchannel", ShopifyOrder);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Post_GenericChannelConfiguredByName_AcceptsSignedOrder()
    {
        await using var hub = await ChannelHub.CreateAsync();
        var body = Payload.Bytes("Generic", "order-created.json");
        var now = hub.Services.GetRequiredService<TimeProvider>().GetUtcNow();

        using var response = await hub.PostAsync("/api/webhooks/rakuten/main", body, Deliveries.HubHeaders(body, now));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(("rakuten", "RK-1001"), Assert.Single(await hub.QueuedAsync()) is var m ? (m.Channel, m.ChannelOrderId) : default);
    }

    [Fact]
    public async Task Post_UnsignedFloodFromOneSource_CountedByReasonAndLoggedAggregated()
    {
        var logs = new Microsoft.Extensions.Logging.Testing.FakeLogCollector();
        await using var hub = await ChannelHub.CreateAsync(services: s => s.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(new Microsoft.Extensions.Logging.Testing.FakeLoggerProvider(logs)));
        using var collector = new MetricCollector<long>(hub.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), ChannelMetrics.MeterName, ChannelMetrics.RefusedName);
        var body = Payload.Bytes("Pos", "sale.json");

        for (var i = 0; i < 50; i++)
        {
            using var response = await hub.PostAsync("/api/webhooks/pos", body);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        var measurements = collector.GetMeasurementSnapshot();
        Assert.Equal(50, measurements.Sum(m => m.Value));
        Assert.All(measurements, m => Assert.Equal(("pos", "signature-missing"), ((string)m.Tags["channel"]!, (string)m.Tags["reason"]!)));
        var refusedLines = logs.GetSnapshot().Count(r => r.Category == typeof(WebhookRefusals).FullName);
        Assert.Equal(1, refusedLines);
    }

    [Theory]
    [InlineData("/api/webhooks/{0}/main", "channel")]
    [InlineData("/api/webhooks/shopify/{0}", "store")]
    public async Task Post_RouteValueOfSixHundredCharacters_Answers400NamingIt(string route, string field)
    {
        await using var hub = await ChannelHub.CreateAsync();

        using var response = await hub.PostAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, route, new string('a', 600)), ShopifyOrder, ShopifyHeaders(ShopifyOrder, "evt-9"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ValidationProblemDetails>();
        Assert.Equal([field], problem!.Errors.Keys);
        Assert.Empty(await hub.ArchivedAsync());
    }

    [Fact]
    public async Task Post_GenericEventIdOfSixHundredCharacters_AcceptedOnceThenDuplicate()
    {
        await using var hub = await ChannelHub.CreateAsync();
        var body = Payload.Bytes("Generic", "order-created.json");
        var now = hub.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var headers = Deliveries.HubHeaders(body, now).Append(("X-Hub-Event-Id", new string('e', 600))).ToArray();

        using var first = await hub.PostAsync("/api/webhooks/rakuten/main", body, headers);
        await hub.ForwardedAsync();
        using var again = await hub.PostAsync("/api/webhooks/rakuten/main", body, headers);

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.OK), (first.StatusCode, again.StatusCode));
        Assert.Equal("RK-1001", Assert.Single(await hub.QueuedAsync()).ChannelOrderId);
    }

    internal static (string, string)[] ShopifyHeaders(byte[] body, string eventId, string topic = "orders/create") =>
    [
        (ShopifyWebhookAdapter.SignatureHeader, Deliveries.Base64Hmac(body)),
        ("X-Shopify-Topic", topic),
        ("X-Shopify-Event-Id", eventId),
        ("X-Shopify-Webhook-Id", Guid.NewGuid().ToString()),
    ];

    private static (string, string)[] WooHeaders(byte[] body) =>
    [
        (WooCommerceWebhookAdapter.SignatureHeader, Deliveries.Base64Hmac(body)),
        ("X-WC-Webhook-Topic", "order.created"),
        ("X-WC-Webhook-Delivery-ID", Guid.NewGuid().ToString()),
    ];
}

using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Omnichannel.Channels.Adapters.BigCommerce;
using Omnichannel.Channels.Adapters.Walmart;
using Omnichannel.Channels.Configuration;
using Omnichannel.Channels.Ingestion;
using Omnichannel.Channels.Storage;
using Omnichannel.Channels.Tests.Adapters.Shopify;
using Omnichannel.Channels.Tests.Adapters.WooCommerce;
using Omnichannel.Channels.Tests.Support;

namespace Omnichannel.Channels.Tests.Storage;

/// <summary>
/// Contract of every inbound adapter with the archive: a delivery whose header names arrive in any case (HTTP/2 and
/// many proxies send them lower-case) is read from its archived copy exactly as it was read on arrival.
/// </summary>
public sealed class WebhookArchiveStoreTests
{
    private const string EtsySecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    public static TheoryData<string, string> AdaptersAndCasings()
    {
        var data = new TheoryData<string, string>();
        foreach (var adapter in Signers.Keys)
        {
            foreach (var casing in new[] { "lower", "upper", "mixed" })
            {
                data.Add(adapter, casing);
            }
        }

        return data;
    }

    /// <summary>Each adapter's route channel, its account settings and a delivery signed as the channel signs it.</summary>
    private static Dictionary<string, (string Channel, Dictionary<string, string?> Settings, Func<WebhookDelivery> Signed)> Signers { get; } = new(StringComparer.Ordinal)
    {
        ["shopify"] = ("shopify", Secret("shopify"), () => ShopifyWebhookAdapterTests.Signed(Payload.Bytes("Shopify", "orders-create.json"))),
        ["woocommerce"] = ("woocommerce", Secret("woocommerce"), () => WooCommerceWebhookAdapterTests.Signed(Payload.Bytes("WooCommerce", "order-created.json"))),
        ["bigcommerce"] = ("bigcommerce", Secret("bigcommerce"), () => Deliveries.Of("bigcommerce", Payload.Bytes("BigCommerce", "order-created.json"), (BigCommerceWebhookAdapter.DefaultSecretHeader, TestAccounts.Secret))),
        ["etsy"] = ("etsy", Secret("etsy", EtsySecret), () => Etsy(Payload.Bytes("Etsy", "order-paid.json"))),
        ["walmart"] = ("walmart", Secret("walmart"), () => Deliveries.Of("walmart", Payload.Bytes("Walmart", "po-created.json"), (WalmartWebhookAdapter.DefaultSignatureHeader, Deliveries.Base64Hmac(Payload.Bytes("Walmart", "po-created.json"))))),
        ["generic"] = ("rakuten", new(Secret("rakuten")) { ["Channels:rakuten:Adapter"] = "generic" }, () => Hub("rakuten", Payload.Bytes("Generic", "order-created.json"))),
        ["pos"] = ("pos", Secret("pos"), () => Hub("pos", Payload.Bytes("Pos", "sale.json"))),
    };

    [Theory]
    [MemberData(nameof(AdaptersAndCasings))]
    public async Task ReadAsync_HeaderNamesInAnyCase_AdapterReadsArchivedDeliveryAsOnArrival(string adapterName, string casing)
    {
        var (channel, settings, signed) = Signers[adapterName];
        await using var services = await ChannelServices.CreateAsync(new FakeTimeProvider(Deliveries.Now), settings);
        var account = services.GetRequiredService<ChannelAccounts>().Find(channel, "main")!;
        var adapter = services.GetRequiredService<WebhookAdapters>().Find(account.Adapter)!;
        var canonical = signed();
        var recased = canonical.Headers.ToDictionary(h => Recase(h.Key, casing), h => h.Value, StringComparer.OrdinalIgnoreCase);
        var arrived = new WebhookDelivery(canonical.Channel, canonical.Store, canonical.ReceivedAt, canonical.Url, recased, canonical.Body);

        var ack = await services.GetRequiredService<WebhookIngestor>().IngestAsync(arrived, "test", CancellationToken.None);
        var restored = await RestoreAsync(services, await SingleArchivedAsync(services));

        Assert.Equal(WebhookOutcome.Accepted, ack.Outcome);
        Assert.Equal(adapter.DeliveryId(canonical), adapter.DeliveryId(restored));
        Assert.Equal(JsonSerializer.Serialize(adapter.Read(canonical, account)), JsonSerializer.Serialize(adapter.Read(restored, account)));

        // The signature can be checked again from the archive, except a shared-secret header, which is never archived.
        var expected = adapter.SecretHeaders(account).Count == 0 ? SignatureOutcome.Valid : SignatureOutcome.Missing;
        Assert.Equal(expected, adapter.Verify(restored, account, Deliveries.Now).Outcome);
    }

    /// <summary>What the order flow does with an archived webhook (ArchivedOrderReader): the delivery rebuilt from the blob.</summary>
    internal static async Task<WebhookDelivery> RestoreAsync(IServiceProvider services, string blob)
    {
        var payload = await services.GetRequiredService<WebhookArchiveStore>().ReadAsync(blob, CancellationToken.None);
        return new WebhookDelivery(payload.Channel, payload.Store, payload.ReceivedAt, payload.Url, payload.Headers, payload.Body);
    }

    private static async Task<string> SingleArchivedAsync(IServiceProvider services)
    {
        var names = new List<string>();
        await foreach (var blob in services.GetRequiredService<ChannelStorage>().Archive.GetBlobsAsync())
        {
            names.Add(blob.Name);
        }

        return Assert.Single(names);
    }

    private static string Recase(string name, string casing) => casing switch
    {
        "lower" => name.ToLowerInvariant(),
        "upper" => name.ToUpperInvariant(),
        _ => string.Concat(name.Select((c, i) => i % 2 == 0 ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c))),
    };

    private static Dictionary<string, string?> Secret(string channel, string secret = TestAccounts.Secret) =>
        new() { [$"Channels:{channel}:main:Secret"] = secret };

    private static WebhookDelivery Hub(string channel, byte[] body) => Deliveries.Of(channel, body, Deliveries.HubHeaders(body, Deliveries.Now));

    private static WebhookDelivery Etsy(byte[] body)
    {
        var timestamp = Deliveries.Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = Convert.ToBase64String(Hmac.Sign(Convert.FromBase64String(EtsySecret[6..]), $"msg_1.{timestamp}.", body));
        return Deliveries.Of("etsy", body, ("webhook-id", "msg_1"), ("webhook-timestamp", timestamp), ("webhook-signature", $"v0,abc v1,{signature}"));
    }
}

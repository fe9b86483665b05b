using System.Text.Json;
using Omnichannel.Channels.Ingestion;

namespace Omnichannel.Channels.Tests.Ingestion;

public sealed class HeaderMapTests
{
    [Theory]
    [InlineData("x-wc-webhook-topic")]
    [InlineData("X-WC-WEBHOOK-TOPIC")]
    [InlineData("x-Wc-WeBhOoK-ToPiC")]
    public void Deserialize_NameInAnyCase_FoundCaseInsensitively(string name)
    {
        var json = JsonSerializer.Serialize(new Dictionary<string, string> { [name] = "order.created" });

        var headers = JsonSerializer.Deserialize<HeaderMap>(json)!;

        Assert.Equal("order.created", headers["X-WC-Webhook-Topic"]);
        Assert.True(headers.ContainsKey("x-wc-webhook-topic"));
    }

    [Fact]
    public void Serialize_RoundTrip_KeepsNamesAsTheyArrived()
    {
        var headers = new HeaderMap([KeyValuePair.Create("x-shopify-topic", "orders/create")]);

        var json = JsonSerializer.Serialize(headers);

        Assert.Equal("""{"x-shopify-topic":"orders/create"}""", json);
        Assert.Equal("orders/create", JsonSerializer.Deserialize<HeaderMap>(json)!["X-Shopify-Topic"]);
    }

    [Fact]
    public void Constructor_NamesDifferingOnlyInCase_OneFieldWithValuesJoined()
    {
        var headers = new HeaderMap([KeyValuePair.Create("Accept", "a"), KeyValuePair.Create("accept", "b")]);

        Assert.Equal((1, "a, b"), (headers.Count, headers["ACCEPT"]));
    }

    [Fact]
    public void Without_NamesInAnotherCase_Removed()
    {
        var headers = new HeaderMap([KeyValuePair.Create("authorization", "secret"), KeyValuePair.Create("X-Topic", "t")]);

        Assert.Equal(["X-Topic"], headers.Without(["Authorization"]).Keys);
    }

    [Fact]
    public void Delivery_FromCaseSensitiveDictionary_HeaderFoundInAnyCase()
    {
        var delivery = new WebhookDelivery("woocommerce", "main", DateTimeOffset.UnixEpoch, "https://hub.example", new Dictionary<string, string>(StringComparer.Ordinal) { ["x-wc-webhook-topic"] = "order.created" }, Array.Empty<byte>());

        Assert.Equal("order.created", delivery.Header("X-WC-Webhook-Topic"));
    }
}

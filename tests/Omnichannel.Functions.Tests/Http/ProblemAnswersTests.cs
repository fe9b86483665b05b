using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Omnichannel.Hosting.Http;
using Omnichannel.Testing;

namespace Omnichannel.Functions.Tests.Http;

/// <summary>
/// The whole hub answers a caller's mistakes with one body per status, whichever feature serves the route. Every
/// request here is refused before it writes anything, so the tests share one hub (with storage of its own).
/// </summary>
public sealed class ProblemAnswersTests(ProblemAnswersTests.Hub hub) : IClassFixture<ProblemAnswersTests.Hub>
{
    public static TheoryData<string, string, string> UnknownResources => new()
    {
        { "GET", "/api/products/NO-SUCH-SKU", "No SKU 'NO-SUCH-SKU'." },
        { "GET", "/api/stock/NO-SUCH-SKU", "No SKU 'NO-SUCH-SKU'." },
        { "GET", "/api/stock/NO-SUCH-SKU/movements", "No SKU 'NO-SUCH-SKU'." },
        { "GET", "/api/orders/shopify_main_404", "No order 'shopify_main_404'." },
        { "POST", "/api/orders/shopify_main_404/replay", "No order 'shopify_main_404'." },
        { "POST", "/api/orders/shopify_main_404/cancel", "No order 'shopify_main_404'." },
        { "POST", "/api/orders/shopify_main_404/ready-for-pickup", "No order 'shopify_main_404'." },
        { "POST", "/api/orders/shopify_main_404/returns/R-1/replay", "No return 'R-1'." },
        { "GET", "/api/feeds/no-such-feed", "No feed 'no-such-feed'." },
        { "POST", "/api/events/destinations/nowhere/resume", "No destination 'nowhere'." },
        { "POST", "/api/webhooks/quarantine/shopify/no-such-id/requeue", "No shopify quarantined payload 'no-such-id'." },
        { "GET", "/api/console/no-such-file.js", "No console file 'no-such-file.js'." },
        { "GET", "/runtime/webhooks/durabletask/instances/no-such-instance", "No instance 'no-such-instance'." },
        { "POST", "/runtime/webhooks/durabletask/instances/no-such-instance/terminate", "No instance 'no-such-instance'." },
        { "DELETE", "/runtime/webhooks/durabletask/instances/no-such-instance", "No instance 'no-such-instance'." },
    };

    [Theory]
    [MemberData(nameof(UnknownResources))]
    public async Task Send_UnknownResource_SameNotFoundBody(string method, string path, string detail)
    {
        using var client = hub.Factory.CreateAdminClient();

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative)));

        var body = await ProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal(Problems.NotFoundTitle, body.GetProperty("title").GetString());
        Assert.StartsWith(detail, body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostShipment_SeveralBadFields_400ListingEveryOne()
    {
        using var client = hub.Factory.CreateFunctionClient();

        using var response = await client.PostAsJsonAsync(new Uri("/api/shipments/shopify_main_1", UriKind.Relative), new { trackingUrl = "relative/path", lines = new[] { new { quantity = 0 } } });

        var body = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(Problems.InvalidTitle, body.GetProperty("title").GetString());
        var fields = body.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);
        Assert.Equal(["carrier", "lines", "trackingNumber", "trackingUrl"], fields);
    }

    [Theory]
    [InlineData("/api/orders?pageSize=lots", "pageSize")]
    [InlineData("/api/events?from=yesterday", "from")]
    [InlineData("/api/ops/alerts?take=0", "take")]
    [InlineData("/api/sync/status?failing=maybe", "failing")]
    [InlineData("/api/webhooks/quarantine?take=0", "take")]
    public async Task Get_BadQueryValue_400NamingTheParameter(string path, string field)
    {
        using var client = hub.Factory.CreateFunctionClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        var body = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(Problems.InvalidTitle, body.GetProperty("title").GetString());
        Assert.True(body.GetProperty("errors").TryGetProperty(field, out _), body.ToString());
    }

    [Fact]
    public async Task Post_MalformedJson_400UnderBody()
    {
        using var client = hub.Factory.CreateFunctionClient();

        using var content = new StringContent("{\"carrier\": ", System.Text.Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri("/api/shipments/shopify_main_1", UriKind.Relative), content);

        var body = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(body.GetProperty("errors").TryGetProperty(HttpBody.BodyField, out _), body.ToString());
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>One hub for the class.</summary>
    public sealed class Hub : IAsyncLifetime
    {
        private HubFactory? _factory;

        public HubFactory Factory => _factory ?? throw new InvalidOperationException("The hub has not started.");

        public async Task InitializeAsync() => _factory = await HubFactory.CreateAsync();

        public async Task DisposeAsync()
        {
            if (_factory is not null)
            {
                await _factory.DisposeAsync();
            }
        }
    }
}

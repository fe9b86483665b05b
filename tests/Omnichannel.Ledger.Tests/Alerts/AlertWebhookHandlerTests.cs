using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Omnichannel.Hosting.Declarations;
using Omnichannel.Ledger.Alerts;
using Omnichannel.Ledger.Configuration;

namespace Omnichannel.Ledger.Tests.Alerts;

public sealed class AlertWebhookHandlerTests
{
    private const string Body = """{"kind":"LowStock","sku":"SKU-1","available":3}""";

    [Fact]
    public async Task HandleAsync_EndpointAccepts_PostsBodySignedWithHmac()
    {
        var endpoint = new RecordingHandler(HttpStatusCode.OK);
        var time = new FakeTimeProvider(LedgerHarness.Start);

        await CreateSut(endpoint, time).HandleAsync(Message(), default);

        var request = Assert.Single(endpoint.Requests);
        Assert.Equal(new Uri("https://alerts.example.test/hook"), request.Uri);
        Assert.Equal(Body, request.Body);
        var timestamp = long.Parse(request.Headers[WebhookSignature.TimestampHeader], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(LedgerHarness.Start.ToUnixTimeSeconds(), timestamp);
        Assert.True(WebhookSignature.Verify("s3cret", timestamp, Body, request.Headers[WebhookSignature.Header]));
        Assert.False(WebhookSignature.Verify("other", timestamp, Body, request.Headers[WebhookSignature.Header]));
    }

    [Fact]
    public async Task HandleAsync_EndpointFails_ThrowsSoTheQueueRetries()
    {
        var endpoint = new RecordingHandler(HttpStatusCode.BadGateway);

        await Assert.ThrowsAsync<HttpRequestException>(() => CreateSut(endpoint, new FakeTimeProvider(LedgerHarness.Start)).HandleAsync(Message(), default));
    }

    private static QueueInvocation Message() => new("LedgerAlertWebhook", "hook", "m1", 1, null, Body);

    private static AlertWebhookHandler CreateSut(RecordingHandler endpoint, TimeProvider time) => new(
        new SingleClientFactory(endpoint),
        time,
        Options.Create(new LedgerOptions { AlertWebhookUrl = new Uri("https://alerts.example.test/hook"), AlertWebhookSecret = "s3cret" }),
        NullLogger<AlertWebhookHandler>.Instance);

    private sealed class SingleClientFactory(HttpMessageHandler handler) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(handler, disposeHandler: false);
    }

    private sealed class RecordingHandler(HttpStatusCode status) : HttpMessageHandler
    {
        public List<(Uri? Uri, string Body, Dictionary<string, string> Headers)> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
            Requests.Add((request.RequestUri, await request.Content!.ReadAsStringAsync(cancellationToken), headers));
            return new HttpResponseMessage(status);
        }
    }
}

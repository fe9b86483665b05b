using System.Net;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Omnichannel.Hosting.Signing;
using Omnichannel.Ledger.Alerts;
using Omnichannel.Ledger.Configuration;

namespace Omnichannel.Ledger.Tests.Alerts;

public sealed class AlertWebhookFunctionsTests
{
    private const string Body = """{"kind":"LowStock","sku":"SKU-1","available":3}""";

    [Fact]
    public async Task RunAsync_EndpointAccepts_PostsBodySignedWithHmac()
    {
        var endpoint = new RecordingHandler(HttpStatusCode.OK);
        var time = new FakeTimeProvider(LedgerHarness.Start);

        await CreateSut(endpoint, time).RunAsync(Message(), default);

        var request = Assert.Single(endpoint.Requests);
        Assert.Equal(new Uri("https://alerts.example.test/hook"), request.Uri);
        Assert.Equal(Body, request.Body);
        var timestamp = long.Parse(request.Headers[WebhookSignature.TimestampHeader], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(LedgerHarness.Start.ToUnixTimeSeconds(), timestamp);
        Assert.True(WebhookSignature.Verify("s3cret", timestamp, Body, request.Headers[WebhookSignature.Header]));
        Assert.False(WebhookSignature.Verify("other", timestamp, Body, request.Headers[WebhookSignature.Header]));
    }

    [Fact]
    public async Task RunAsync_EndpointFails_ThrowsSoTheQueueRetries()
    {
        var endpoint = new RecordingHandler(HttpStatusCode.BadGateway);

        await Assert.ThrowsAsync<HttpRequestException>(() => CreateSut(endpoint, new FakeTimeProvider(LedgerHarness.Start)).RunAsync(Message(), default));
    }

    [Fact]
    public async Task RunAsync_NoWebhookConfigured_ThrowsSoTheAlertEndsInPoisonNotDropped()
    {
        var endpoint = new RecordingHandler(HttpStatusCode.OK);
        var sut = CreateSut(endpoint, new FakeTimeProvider(LedgerHarness.Start), new LedgerOptions());

        await Assert.ThrowsAsync<InvalidOperationException>(() => sut.RunAsync(Message(), default));
        Assert.Empty(endpoint.Requests);
    }

    private static QueueMessage Message() => QueuesModelFactory.QueueMessage("m1", "receipt", BinaryData.FromString(Body), 1);

    private static AlertWebhookFunctions CreateSut(RecordingHandler endpoint, TimeProvider time, LedgerOptions? options = null) => new(
        new SingleClientFactory(endpoint),
        time,
        Options.Create(options ?? new LedgerOptions { AlertWebhookUrl = new Uri("https://alerts.example.test/hook"), AlertWebhookSecret = "s3cret" }),
        NullLogger<AlertWebhookFunctions>.Instance);

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

using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Channels.Adapters.Common;
using Omnichannel.Orders.Http;
using Omnichannel.Orders.Intake;
using Omnichannel.Orders.Model;
using Omnichannel.Testing;

namespace Omnichannel.Orders.Tests.Support;

/// <summary>
/// The whole hub (HubFactory) on this test's own storage names, with a Shopify account, two generic channels
/// (amazon, rakuten) and a <see cref="RecordingChannel"/> in place of the outbound clients. Two hubs built
/// from the same <see cref="Settings"/> share all their storage (two hosts, or a restart).
/// </summary>
public sealed class OrderHub : IAsyncDisposable
{
    public const string Secret = "orders-test-secret-0123456789";

    /// <summary>host.json's <c>extensions.durableTask</c>, as the local host reads it.</summary>
    public const string DurableTaskSection = "AzureFunctionsJobHost:extensions:durableTask";

    /// <summary>How long a flow may take to reach a status or end: flows cross queues and durable episodes.</summary>
    private static readonly TimeSpan FlowTimeout = TimeSpan.FromSeconds(90);

    private readonly HubFactory _factory;

    private OrderHub(HubFactory factory, Dictionary<string, string?> settings, RecordingChannel channel)
    {
        _factory = factory;
        Settings = settings;
        Channel = channel;
        Client = factory.CreateFunctionClient();
        Admin = factory.CreateAdminClient();
        Anonymous = factory.CreateClient();
    }

    public Dictionary<string, string?> Settings { get; }

    public RecordingChannel Channel { get; }

    /// <summary>Sends the function key.</summary>
    public HttpClient Client { get; }

    public HttpClient Anonymous { get; }

    /// <summary>Sends the admin key (the durable management API).</summary>
    public HttpClient Admin { get; }

    public IServiceProvider Services => _factory.Services;

    /// <summary>The hub's durable client (the local engine's <see cref="DurableTaskClient"/>).</summary>
    public DurableTaskClient Durable => Services.GetRequiredService<DurableTaskClient>();

    public static Dictionary<string, string?> UniqueSettings() => TestStorage.UniqueNames(new Dictionary<string, string?>
    {
        // The test's own task hub (TestStorage names it); one partition and a short idle poll keep it quick on Azurite.
        [$"{DurableTaskSection}:storageProvider:partitionCount"] = "1",
        [$"{DurableTaskSection}:storageProvider:maxQueuePollingInterval"] = "00:00:00.500",
        ["Channels:shopify:main:Secret"] = Secret,
        ["Channels:amazon:Adapter"] = "generic",
        ["Channels:amazon:main:Secret"] = Secret,
        ["Channels:rakuten:Adapter"] = "generic",
        ["Channels:rakuten:main:Secret"] = Secret,
        ["Orders:ReportAttempts"] = "3",
        ["Orders:ReportRetryInterval"] = "00:00:00.100",
    });

    /// <param name="settings">The hub's settings; default <see cref="UniqueSettings"/>.</param>
    /// <param name="channel">The outbound channels; default a new <see cref="RecordingChannel"/>.</param>
    /// <param name="services">Further service overrides.</param>
    /// <param name="storage">A connection string (e.g. a <see cref="PrivateAzurite"/>'s); default the test process's Azurite.</param>
    public static async Task<OrderHub> CreateAsync(Dictionary<string, string?>? settings = null, RecordingChannel? channel = null, Action<IServiceCollection>? services = null, string? storage = null)
    {
        settings ??= UniqueSettings();
        channel ??= new RecordingChannel();
        void Configure(IServiceCollection s)
        {
            s.AddSingleton<IOrderChannels>(channel);
            services?.Invoke(s);
        }

        var factory = storage is null ? await HubFactory.CreateAsync(settings, Configure) : new HubFactory(storage, settings, Configure);
        var hub = new OrderHub(factory, settings, channel);
        _ = hub.Services; // starts the host: workers and queue listeners run from here on
        return hub;
    }

    /// <summary>Posts a Shopify webhook signed as Shopify signs it, with a W3C <c>traceparent</c> when the test follows the trace.</summary>
    public async Task<HttpResponseMessage> PostShopifyAsync(string body, string eventId, string topic = "orders/create", string? traceParent = null)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var signature = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), bytes));
        (string, string)[] headers = [("X-Shopify-Hmac-SHA256", signature), ("X-Shopify-Topic", topic), ("X-Shopify-Event-Id", eventId)];
        return await PostAsync("webhooks/shopify/main", bytes, traceParent is null ? headers : [.. headers, ("traceparent", traceParent)]);
    }

    /// <summary>Posts a generic-schema webhook signed with the hub scheme.</summary>
    public async Task<HttpResponseMessage> PostGenericAsync(string channel, string body, string eventId)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var (timestamp, signature) = HubSignature.Sign(Secret, TimeProvider.System.GetUtcNow().ToUnixTimeSeconds(), bytes);
        return await PostAsync($"webhooks/{channel}/main", bytes, (HubSignature.TimestampHeader, timestamp), (HubSignature.SignatureHeader, signature), (HubSignature.EventIdHeader, eventId));
    }

    public async Task<OrderDetail> GetOrderAsync(string id)
    {
        var detail = await Client.GetFromJsonAsync<OrderDetail>(new Uri($"api/orders/{id}", UriKind.Relative), Json.Options);
        return detail!;
    }

    /// <summary>Waits (up to 90 s, polling the API) until the order has the status; a failed order fails the wait at once with where it failed.</summary>
    public async Task<OrderDetail> WaitForStatusAsync(string id, OrderStatus status)
    {
        var detail = await Eventually.ValueAsync(
            async () =>
            {
                using var response = await Client.GetAsync(new Uri($"api/orders/{id}", UriKind.Relative));
                if (!response.IsSuccessStatusCode)
                {
                    return null;
                }

                var last = (await response.Content.ReadFromJsonAsync<OrderDetail>(Json.Options))!;
                if (last.Summary.Status == OrderStatus.Failed && status != OrderStatus.Failed)
                {
                    // A failed flow stays failed until replayed: say why now, with where it failed.
                    var failed = await Durable.GetInstanceAsync(id, getInputsAndOutputs: true);
                    throw new InvalidOperationException($"Order {id} failed instead of reaching {status}: {last.Summary.Failure}{Environment.NewLine}{failed?.FailureDetails?.StackTrace}");
                }

                return last;
            },
            d => d?.Summary.Status == status,
            $"order {id} reaching {status}",
            FlowTimeout);
        return detail!;
    }

    /// <summary>Waits (up to 90 s) until the flow ends (completed, failed or terminated).</summary>
    public async Task<OrchestrationMetadata> WaitForEndAsync(string id)
    {
        using var timeout = new CancellationTokenSource(FlowTimeout);
        await Eventually.UntilAsync(async () => await Durable.GetInstanceAsync(id, false, timeout.Token) is not null, $"flow {id} starting", FlowTimeout);
        return await Durable.WaitForInstanceCompletionAsync(id, true, timeout.Token);
    }

    public Task<HttpResponseMessage> ConfirmShipmentAsync(string id, string tracking = "TRACK-1") =>
        Client.PostAsJsonAsync(new Uri($"api/shipments/{id}", UriKind.Relative), new { carrier = "DHL", trackingNumber = tracking });

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        Admin.Dispose();
        Anonymous.Dispose();
        await _factory.DisposeAsync();
    }

    private async Task<HttpResponseMessage> PostAsync(string path, byte[] body, params (string Name, string Value)[] headers)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("api/" + path, UriKind.Relative)) { Content = content };
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await Anonymous.SendAsync(request);
    }
}

/// <summary>The JSON shape of the hub's answers (web casing, enums as names).</summary>
public static class Json
{
    public static System.Text.Json.JsonSerializerOptions Options => OrderJson.Options;
}

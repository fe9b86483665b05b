using System.Net.Http.Headers;
using System.Text.Json;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Channels.Storage;
using Omnichannel.Orders.Intake;
using Omnichannel.Storage.Connection;
using Omnichannel.Testing;

namespace Omnichannel.Channels.Tests.Support;

/// <summary>
/// The whole hub (HubFactory) with this test's own tables, queue and container, and channel accounts for
/// shopify, woocommerce, pos and a generic "rakuten" channel, all with <see cref="TestAccounts.Secret"/>.
/// </summary>
public sealed class ChannelHub : IAsyncDisposable
{
    private readonly HubFactory _factory;

    private ChannelHub(HubFactory factory, Dictionary<string, string?> settings)
    {
        _factory = factory;
        Settings = settings;
        Client = factory.CreateClient();
    }

    public HttpClient Client { get; }

    public IReadOnlyDictionary<string, string?> Settings { get; }

    public IServiceProvider Services => _factory.Services;

    public ChannelStorage Storage => Services.GetRequiredService<ChannelStorage>();

    public static async Task<ChannelHub> CreateAsync(Dictionary<string, string?>? extra = null, Action<IServiceCollection>? services = null)
    {
        var settings = TestStorage.UniqueNames(new Dictionary<string, string?>
        {
            ["Channels:shopify:main:Secret"] = TestAccounts.Secret,
            ["Channels:woocommerce:main:Secret"] = TestAccounts.Secret,
            ["Channels:pos:default:Secret"] = TestAccounts.Secret,
            ["Channels:rakuten:Adapter"] = "generic",
            ["Channels:rakuten:main:Secret"] = TestAccounts.Secret,

            // These tests read the order queue themselves; the order flow's listener would take the messages.
            [$"AzureWebJobs:{IntakeFunctions.ReceiveName}:Disabled"] = "true",

            // The forward function picks handed-on deliveries up within 200 ms.
            ["AzureFunctionsJobHost:extensions:queues:maxPollingInterval"] = "00:00:00.200",
        });
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        return new ChannelHub(await HubFactory.CreateAsync(settings, services), settings);
    }

    public HttpClient CreateFunctionClient() => _factory.CreateFunctionClient();

    public async Task<HttpResponseMessage> PostAsync(string path, byte[] body, params (string Name, string Value)[] headers)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = content };
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await Client.SendAsync(request);
    }

    /// <summary>Every message in this hub's order queue (peeked, left in place), once every handed-on delivery is forwarded.</summary>
    public async Task<IReadOnlyList<ChannelOrderMessage>> QueuedAsync()
    {
        await ForwardedAsync();
        PeekedMessage[] peeked = (await Storage.Orders.PeekMessagesAsync(32)).Value;
        return peeked.Select(m => JsonSerializer.Deserialize<ChannelOrderMessage>(m.Body.ToString())!).ToList();
    }

    /// <summary>
    /// Waits until the delivery queue is empty: the forward function deletes a message only once it is handled, and the
    /// count includes messages being handled. Fails after 20 s.
    /// </summary>
    public async Task ForwardedAsync()
    {
        await Storage.EnsureCreatedAsync(CancellationToken.None);
        await Eventually.UntilAsync(
            async () => (await Storage.Deliveries.GetPropertiesAsync()).Value.ApproximateMessagesCount == 0,
            "every handed-on delivery forwarded",
            TimeSpan.FromSeconds(20));
    }

    public async Task<IReadOnlyList<string>> ArchivedAsync()
    {
        if (!(await Storage.Archive.ExistsAsync()).Value)
        {
            return [];
        }

        var names = new List<string>();
        await foreach (var blob in Storage.Archive.GetBlobsAsync())
        {
            names.Add(blob.Name);
        }

        return names;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
    }

    internal static async Task<StorageAccount> AccountAsync() => await Azurite.AccountAsync();
}

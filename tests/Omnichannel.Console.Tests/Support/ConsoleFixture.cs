using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Omnichannel.Ledger.Catalogue;
using Omnichannel.Ledger.Stock;
using Omnichannel.Orders;
using Omnichannel.Orders.Http;
using Omnichannel.Orders.Intake;
using Omnichannel.Orders.Model;
using Omnichannel.Testing;

namespace Omnichannel.OperationsConsole.Tests.Support;

/// <summary>
/// One hub on a real port (the local host's app through <see cref="HubFactory"/>, Kestrel on 127.0.0.1, this
/// class's own storage names) and one Chromium for the test class. Both end when the class ends, also when a test
/// failed: xunit disposes the fixture, which closes the browser, the Playwright driver and the hub.
/// </summary>
public sealed class ConsoleFixture : IAsyncLifetime
{
    public const string Secret = "console-test-secret-0123456789";
    public const string Tee = "TEE-RED-M";
    public const string Mug = "MUG-01";
    public const string Warehouse = "wh-1";
    private const string DurableTaskSection = "AzureFunctionsJobHost:extensions:durableTask";

    private HubFactory? _factory;
    private IPlaywright? _playwright;

    public RecordingChannel Channel { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public Uri ConsoleAddress => new(BaseAddress, "api/console/");

    public HttpClient Client { get; private set; } = null!;

    public IServiceProvider Services => _factory!.Services;

    public async Task InitializeAsync()
    {
        await Chromium.EnsureInstalledAsync();
        var settings = new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            [$"{DurableTaskSection}:hubName"] = Unique.Name("hub"),
            [$"{DurableTaskSection}:storageProvider:partitionCount"] = "1",
            [$"{DurableTaskSection}:storageProvider:maxQueuePollingInterval"] = "00:00:00.500",
            ["Ledger:StockTable"] = Unique.Name("stock"),
            ["Ledger:CatalogueTable"] = Unique.Name("cat"),
            ["Ledger:SalesTable"] = Unique.Name("sales"),
            ["Ledger:AlertsQueue"] = Unique.Name("alerts"),
            ["Ledger:AlertWebhookQueue"] = Unique.Name("hook"),
            ["Ledger:StockChangedQueue"] = Unique.Name("changed"),
            ["Ledger:StockChangedCopyQueue"] = Unique.Name("changedo"),
            ["Channels:Ingestion:ArchiveContainer"] = Unique.Name("arch"),
            ["Channels:Ingestion:OrderQueue"] = Unique.Name("orders"),
            ["Channels:Ingestion:DedupeTable"] = Unique.Name("dedupe"),
            ["Channels:Ingestion:QuarantineTable"] = Unique.Name("cquar"),
            ["Channels:Ingestion:CursorTable"] = Unique.Name("cursor"),
            ["Channels:shopify:main:Secret"] = Secret,
            ["Sync:StateTable"] = Unique.Name("sync"),
            ["Sync:PriceTable"] = Unique.Name("prices"),
            ["Sync:FeedsContainer"] = Unique.Name("feeds"),
            ["Orders:OrdersTable"] = Unique.Name("ord"),
            ["Orders:AlertsQueue"] = Unique.Name("oalerts"),
            ["Orders:ReportAttempts"] = "2",
            ["Orders:ReportRetryInterval"] = "00:00:00.100",
            ["Events:OutboxTable"] = Unique.Name("eoutbox"),
            ["Events:HistoryTable"] = Unique.Name("events"),
            ["Events:DestinationsTable"] = Unique.Name("edests"),
            ["Events:Queue"] = Unique.Name("events"),
        };
        _factory = await HubFactory.CreateAsync(settings, s => s.AddSingleton<IOrderChannels>(Channel));
        _factory.UseKestrel();
        _factory.StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
        Client = new HttpClient { BaseAddress = BaseAddress };
        Client.DefaultRequestHeaders.Add("x-functions-key", HubFactory.FunctionKey);
        await SeedAsync();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium.ExecutablePath, Headless = true, Args = Chromium.Args });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        Client?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }

    /// <summary>A page of its own (own storage, so no key carries over) at desk or phone size.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

    /// <summary>Opens the console and gives the key (and an operator name) as a person would.</summary>
    public async Task<IPage> SignedInPageAsync(string operatorName = "Ops Anna", int width = 1280, int height = 900)
    {
        var page = await NewPageAsync(width, height);
        await page.GotoAsync(ConsoleAddress.ToString());
        await page.GetByLabel("Admin or function key").FillAsync(HubFactory.AdminKey);
        await page.GetByLabel("Your name").FillAsync(operatorName);
        await page.GetByRole(AriaRole.Button, new() { Name = "Open the console" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Overview" })).ToBeVisibleAsync();
        return page;
    }

    /// <summary>Posts a Shopify orders/create webhook, signed as Shopify signs it.</summary>
    public async Task<string> PostShopifyOrderAsync(long id, params (string Sku, int Quantity)[] lines)
    {
        var bytes = Encoding.UTF8.GetBytes(ShopifyBody(id, lines));
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("api/webhooks/shopify/main", UriKind.Relative)) { Content = content };
        request.Headers.TryAddWithoutValidation("X-Shopify-Hmac-SHA256", Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), bytes)));
        request.Headers.TryAddWithoutValidation("X-Shopify-Topic", "orders/create");
        request.Headers.TryAddWithoutValidation("X-Shopify-Event-Id", $"evt-{id}");
        using var response = await Client.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"webhook answered {(int)response.StatusCode}");
        return OrderId.For("shopify", "main", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public static string ShopifyBody(long id, params (string Sku, int Quantity)[] lines) => JsonSerializer.Serialize(new
    {
        id,
        name = $"#{id % 10000}",
        email = "buyer@example.com",
        created_at = "2026-11-25T09:00:00Z",
        updated_at = "2026-11-25T09:00:01Z",
        currency = "EUR",
        financial_status = "paid",
        shipping_address = new { name = "Ann Buyer", address1 = "Main St 1", city = "Berlin", zip = "10115", country_code = "DE" },
        // Item ids of this order only: a listing saved by mapping one test's line must not match another test's order.
        line_items = lines.Select((l, i) => new { id = (id * 10) + i, product_id = (id * 10) + i + 1, variant_id = (id * 10) + i + 2, sku = l.Sku, title = $"Item {l.Sku}", quantity = l.Quantity, price = "19.90" }),
        shipping_lines = new[] { new { code = "standard" } },
    });

    /// <summary>Waits (polling the API) until the order has the status; a failed order fails the wait at once with its reason.</summary>
    public async Task<OrderDetail> WaitForStatusAsync(string id, OrderStatus status, bool failedIsExpected = false)
    {
        var detail = await Eventually.ValueAsync(
            async () =>
            {
                using var response = await Client.GetAsync(new Uri($"api/orders/{id}", UriKind.Relative));
                if (!response.IsSuccessStatusCode)
                {
                    return null;
                }

                var last = (await response.Content.ReadFromJsonAsync<OrderDetail>(OrderJson.Options))!;
                if (last.Summary.Status == OrderStatus.Failed && status != OrderStatus.Failed && !failedIsExpected)
                {
                    throw new InvalidOperationException($"Order {id} failed instead of reaching {status}: {last.Summary.Failure}");
                }

                return last;
            },
            d => d?.Summary.Status == status,
            $"order {id} reaching {status}");
        return detail!;
    }

    private async Task SeedAsync()
    {
        var catalogue = Services.GetRequiredService<CatalogueStore>();
        var ledger = Services.GetRequiredService<StockLedger>();
        await catalogue.UpsertLocationAsync(new Ledger.Catalogue.Location(Warehouse, "Warehouse", LocationKind.Warehouse), default);
        await catalogue.UpsertProductAsync(new Product(Tee, "Tee red M", Gtin: "4006381333931", Brand: "Acme", ReorderPoint: 20), default);
        await catalogue.UpsertProductAsync(new Product(Mug, "Mug blue", Brand: "Acme"), default);
        await catalogue.UpsertListingAsync(new ChannelListing("shopify", "main", "shop-tee-1", "tee-red-m", Tee, new StockRule(BufferUnits: 2)), default);
        foreach (var (sku, quantity) in new[] { (Tee, 300), (Mug, 50) })
        {
            var outcome = await ledger.RecordAsync(new MovementCommand(sku, MovementKind.Receipt, Warehouse, quantity, $"seed:{sku}"), default);
            Assert.Null(outcome.Rejection);
        }
    }
}

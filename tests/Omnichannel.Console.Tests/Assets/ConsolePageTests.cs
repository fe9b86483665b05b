using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Omnichannel.Channels.Ingestion;
using Omnichannel.Channels.Storage;
using Omnichannel.Ledger.Catalogue;
using Omnichannel.Ledger.Stock;
using Omnichannel.OperationsConsole.Tests.Support;
using Omnichannel.Orders.Model;
using Omnichannel.Testing;
using static Microsoft.Playwright.Assertions;

namespace Omnichannel.OperationsConsole.Tests.Assets;

/// <summary>
/// The console in real Chromium against the whole hub: what an operator does, click by click. One hub and one
/// browser for the collection (<see cref="ConsoleFixture"/>); each test its own orders and its own browser context.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class ConsolePageTests(ConsoleFixture hub)
{
    private const int PhoneWidth = 390;
    private const int PhoneHeight = 844;

    [Fact]
    public async Task Console_WithoutKey_LoadsNothingAndRefusesAWrongKey()
    {
        var page = await hub.NewPageAsync();
        var dataCalls = new List<string>();
        page.Request += (_, r) =>
        {
            if (r.Url.Contains("/api/", StringComparison.Ordinal) && !r.Url.Contains("/api/console/", StringComparison.Ordinal))
            {
                dataCalls.Add(r.Url);
            }
        };

        await page.GotoAsync(hub.ConsoleAddress.ToString());
        await Expect(page.GetByLabel("Admin or function key")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Sections" })).ToBeHiddenAsync();
        Assert.Empty(dataCalls);

        await page.GetByLabel("Admin or function key").FillAsync("not-the-key-not-the-key");
        await page.GetByRole(AriaRole.Button, new() { Name = "Open the console" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("refused");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Overview" })).ToHaveCountAsync(0);
        Assert.Null(await page.EvaluateAsync<string?>("sessionStorage.getItem('hub.console.key')"));

        // The page shell is public; what it would show is not.
        using var anonymous = new HttpClient { BaseAddress = hub.BaseAddress };
        foreach (var route in new[] { "api/ops/orders-by-day", "api/ops/alerts", "api/ops/poison-queues", "api/orders", "api/webhooks/quarantine" })
        {
            using var response = await anonymous.GetAsync(new Uri(route, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
    }

    [Fact]
    public async Task FailedOrder_FoundFromOverviewAndReplayed_Completes()
    {
        hub.Channel.Down = true;
        var id = await hub.PostShopifyOrderAsync(NewOrderNumber(), (ConsoleFixture.Tee, 1));
        await hub.WaitForStatusAsync(id, OrderStatus.AwaitingShipment);
        using (var shipped = await hub.Client.PostAsJsonAsync(new Uri($"api/shipments/{id}", UriKind.Relative), new { carrier = "DHL", trackingNumber = "TRK-FAIL-1" }))
        {
            Assert.Equal(HttpStatusCode.Accepted, shipped.StatusCode);
        }

        await hub.WaitForStatusAsync(id, OrderStatus.Failed, failedIsExpected: true);
        hub.Channel.Down = false;

        var page = await hub.SignedInPageAsync("Ops Anna");
        await Expect(page.GetByTestId("count-Failed")).Not.ToContainTextAsync("0");
        await Screenshots.TakeAsync(page, "overview");
        await page.GetByTestId("count-Failed").ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = id, Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("failure")).ToContainTextAsync("service unavailable");

        await page.GetByRole(AriaRole.Button, new() { Name = "Replay", Exact = true }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync(id);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();
        await Expect(page.GetByTestId("answer")).ToContainTextAsync("accepted (202)");

        var done = await hub.WaitForStatusAsync(id, OrderStatus.Completed);
        Assert.Contains(done.Timeline, t => t.What == "action" && t.Step == "replay" && t.By == "Ops Anna (key)");
        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Order {id}" })).ToContainTextAsync("Completed");
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Parcels shipped" })).ToContainTextAsync("TRK-FAIL-1");
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "What the channel was told" })).ToContainTextAsync("tracking");
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "by Ops Anna (key)" })).ToBeVisibleAsync();
        await Screenshots.TakeAsync(page, "order");

        var phone = await hub.SignedInPageAsync("Ops Anna", PhoneWidth, PhoneHeight);
        await Screenshots.TakeAsync(phone, "overview-phone");
        await phone.GotoAsync($"{hub.ConsoleAddress}#/orders/{id}");
        await Expect(phone.GetByRole(AriaRole.Heading, new() { Name = $"Order {id}" })).ToBeVisibleAsync();
        await Screenshots.TakeAsync(phone, "order-phone");
        await AssertFitsAsync(phone);
    }

    [Fact]
    public async Task UnknownSku_MappedFromThePage_OrderMovesOnAndShips()
    {
        var id = await hub.PostShopifyOrderAsync(NewOrderNumber(), ("NO-SUCH-SKU", 2));
        await hub.WaitForStatusAsync(id, OrderStatus.NeedsAttention);

        var page = await hub.SignedInPageAsync("Ops Ben");
        await page.GetByTestId("count-NeedsAttention").ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = id, Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Lines and what they matched" })).ToContainTextAsync("no match");
        await page.GetByRole(AriaRole.Button, new() { Name = "Map to a SKU" }).ClickAsync();

        var dialog = page.GetByRole(AriaRole.Dialog);
        var sku = dialog.GetByLabel("SKU (search the catalogue)");
        await sku.FillAsync("blue mug");
        await Expect(dialog).ToContainTextAsync("1 product(s) match: MUG-01 (Mug blue)");
        await sku.FillAsync(ConsoleFixture.Mug);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Map" }).ClickAsync();
        await Expect(page.GetByTestId("answer")).ToContainTextAsync("accepted (202)");

        await hub.WaitForStatusAsync(id, OrderStatus.AwaitingShipment);
        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Reserved per location" })).ToContainTextAsync(ConsoleFixture.Warehouse);
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm shipment" }).ClickAsync();
        await dialog.GetByLabel("Carrier").FillAsync("UPS");
        await dialog.GetByLabel("Tracking number").FillAsync("1Z-CONSOLE-2");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();
        await Expect(page.GetByTestId("answer")).ToContainTextAsync("accepted (202)");

        var done = await hub.WaitForStatusAsync(id, OrderStatus.Completed);
        Assert.Contains(done.Timeline, t => t.What == "action" && t.Step == "map-sku" && t.By == "Ops Ben (key)" && t.Detail!.Contains(ConsoleFixture.Mug, StringComparison.Ordinal));
        Assert.Contains(done.Timeline, t => t.What == "action" && t.Step == "shipment" && t.By == "Ops Ben (key)");
        Assert.Contains(done.Facts!.Matched, m => m.Sku == ConsoleFixture.Mug);
    }

    [Fact]
    public async Task QuarantinedWebhook_RequeuedFromOverview_BecomesAnOrder()
    {
        // A payload an earlier adapter could not read: archived and quarantined as the ingestion does.
        var number = NewOrderNumber();
        var now = TimeProvider.System.GetUtcNow();
        var blob = await hub.Services.GetRequiredService<WebhookArchiveStore>().WriteAsync(
            new ArchivedPayload("shopify", "main", ArchivedPayload.FromWebhook, now, $"{hub.BaseAddress}api/webhooks/shopify/main",
                HeaderMap.From(new Dictionary<string, string> { ["X-Shopify-Topic"] = "orders/create", ["X-Shopify-Event-Id"] = $"evt-q-{number}" }),
                System.Text.Encoding.UTF8.GetBytes(ConsoleFixture.ShopifyBody(number, (ConsoleFixture.Tee, 1)))),
            default);
        await hub.Services.GetRequiredService<QuarantineStore>().AddAsync(new QuarantinedPayload("shopify", "main", now, blob, $"evt-q-{number}", "JsonException: line_items[0].price is not a number"), default);

        var page = await hub.SignedInPageAsync();
        await Expect(page.GetByTestId("count-quarantine")).Not.ToContainTextAsync("0");
        await page.GetByTestId("count-quarantine").ClickAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "line_items[0].price is not a number" });
        await row.GetByRole(AriaRole.Button, new() { Name = "Requeue" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Requeue" }).ClickAsync();
        await Expect(page.GetByTestId("answer")).ToContainTextAsync("Requeued: 1 order(s) forwarded");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "line_items[0].price is not a number" })).ToHaveCountAsync(0);

        var id = OrderId.For("shopify", "main", number.ToString(CultureInfo.InvariantCulture));
        await hub.WaitForStatusAsync(id, OrderStatus.AwaitingShipment);
        await page.GotoAsync($"{hub.ConsoleAddress}#/orders?id={id}");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = id, Exact = true })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task StockAndAlerts_ShowFiguresMovementsAndLowStock()
    {
        var cap = "CAP-" + Unique.Name("c")[..8].ToUpperInvariant();
        var catalogue = hub.Services.GetRequiredService<CatalogueStore>();
        var ledger = hub.Services.GetRequiredService<StockLedger>();
        await catalogue.UpsertProductAsync(new Product(cap, "Cap green", ReorderPoint: 10), default);
        Assert.Null((await ledger.RecordAsync(new MovementCommand(cap, MovementKind.Receipt, ConsoleFixture.Warehouse, 12, $"{cap}:in"), default)).Rejection);
        Assert.Null((await ledger.RecordAsync(new MovementCommand(cap, MovementKind.PosSale, ConsoleFixture.Warehouse, 5, $"{cap}:sale"), default)).Rejection);

        var page = await hub.SignedInPageAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Stock" }).ClickAsync();
        await page.GetByLabel("SKU (search by SKU, title, GTIN or brand)").FillAsync(ConsoleFixture.Tee);
        await page.GetByRole(AriaRole.Button, new() { Name = "Show stock" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"{ConsoleFixture.Tee} · Tee red M" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Balances per location" })).ToContainTextAsync(ConsoleFixture.Warehouse);
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Available to sell per listing, and what the channel was last sent" })).ToContainTextAsync("shop-tee-1");
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Movements, newest first" })).ToContainTextAsync("Receipt");
        await Expect(page.GetByRole(AriaRole.Img, new() { NameRegex = new System.Text.RegularExpressions.Regex("Line chart of on hand") })).ToBeVisibleAsync();
        await Screenshots.TakeAsync(page, "stock");

        var phone = await hub.SignedInPageAsync("Ops Anna", PhoneWidth, PhoneHeight);
        await phone.GotoAsync($"{hub.ConsoleAddress}#/stock/{ConsoleFixture.Tee}");
        await Expect(phone.GetByTestId("stock-available")).ToBeVisibleAsync();
        await Screenshots.TakeAsync(phone, "stock-phone");
        await AssertFitsAsync(phone);

        await page.GetByRole(AriaRole.Link, new() { Name = "Alerts" }).ClickAsync();
        var alerts = page.GetByRole(AriaRole.Table, new() { Name = "Alerts, newest first" });
        await Expect(alerts.GetByRole(AriaRole.Row).Filter(new() { HasText = cap })).ToContainTextAsync("lowStock");
    }

    [Fact]
    public async Task Pages_CheckedByAxe_NoSeriousOrCriticalViolation()
    {
        var id = await hub.PostShopifyOrderAsync(NewOrderNumber(), (ConsoleFixture.Tee, 1));
        await hub.WaitForStatusAsync(id, OrderStatus.AwaitingShipment);
        var page = await hub.NewPageAsync();
        await page.GotoAsync(hub.ConsoleAddress.ToString());
        await AssertAccessibleAsync(page, "the key form");

        page = await hub.SignedInPageAsync();
        foreach (var (route, ready) in new[] { ("#/", "Orders by day and status"), ($"#/orders/{id}", $"Order {id}"), ("#/orders", "Orders"), ($"#/stock/{ConsoleFixture.Tee}", "Consolidated"), ("#/alerts", "Alerts") })
        {
            await page.GotoAsync($"{hub.ConsoleAddress}{route}");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = ready }).First).ToBeVisibleAsync();
            await AssertAccessibleAsync(page, route);
        }

        // Keyboard only: the confirm dialog takes the focus and Escape closes it without acting.
        await page.GotoAsync($"{hub.ConsoleAddress}#/orders/{id}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel order" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Dialog).GetByLabel("Reason")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.GetByRole(AriaRole.Dialog)).ToBeHiddenAsync();
        Assert.Equal(OrderStatus.AwaitingShipment, (await hub.WaitForStatusAsync(id, OrderStatus.AwaitingShipment)).Summary.Status);
    }

    private static async Task AssertAccessibleAsync(IPage page, string what)
    {
        var result = await page.RunAxe();
        Assert.NotEmpty(result.Passes); // axe ran (the page's CSP does not keep it out)
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help} ({string.Join("; ", v.Nodes.Take(3).Select(n => n.Html))})").ToList();
        Assert.True(serious.Count == 0, $"axe on {what}: {string.Join(Environment.NewLine, serious)}");
    }

    /// <summary>On a phone the page scrolls down, not sideways (tables scroll inside their own box).</summary>
    private static async Task AssertFitsAsync(IPage page)
    {
        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 1, $"the page is {overflow}px wider than the phone's screen");
    }

    private static long NewOrderNumber() => 1_000_000_000L + (long)(BitConverter.ToUInt32(Guid.NewGuid().ToByteArray()) % 8_000_000_000L);
}

using System.Net;
using System.Text.Json;
using Microsoft.DurableTask.Client;
using Omnichannel.Orders.Intake;
using Omnichannel.Orders.Model;
using Omnichannel.Orders.Tests.Support;
using Omnichannel.Testing;

namespace Omnichannel.Orders.Tests.Flow;

/// <summary>Storage goes away mid-flow and comes back: the hub's listeners resume and no order is left behind.</summary>
public sealed class StorageOutageTests
{
    [Fact]
    public async Task StorageStoppedMidFlowThenStarted_EveryListenerResumesAndOrdersFromBeforeDuringAndAfterComplete()
    {
        await using var azurite = await PrivateAzurite.StartAsync();
        await using var hub = await OrderHub.CreateAsync(storage: azurite.ConnectionString);
        await Samples.SeedAsync(hub.Services);
        var before = Samples.ShopifyOrderId(2001);
        var during = Samples.ShopifyOrderId(2002);
        var after = Samples.ShopifyOrderId(2003);
        Assert.True((await hub.PostShopifyAsync(Samples.Shopify(2001, (Samples.Tee, 1)), "evt-2001")).IsSuccessStatusCode);
        await hub.WaitForStatusAsync(before, OrderStatus.AwaitingShipment);
        await WaitForHealthAsync(hub, HttpStatusCode.OK, "every listener running before the outage");

        await azurite.StopAsync();

        // A channel sending now is told to come back (503 + Retry-After), never 500.
        using (var refused = await hub.PostShopifyAsync(Samples.Shopify(2002, (Samples.Tee, 1)), "evt-2002"))
        {
            Assert.True(refused.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)refused.StatusCode}: {await refused.Content.ReadAsStringAsync()}");
            Assert.NotNull(refused.Headers.RetryAfter);
        }

        var down = await WaitForHealthAsync(hub, HttpStatusCode.ServiceUnavailable, "the order intake listener backing off", r => Listener(r, IntakeFunctions.ReceiveName) is { } l && l.GetProperty("status").GetString() == "backingOff");
        Assert.False(string.IsNullOrEmpty(Listener(down, IntakeFunctions.ReceiveName)!.Value.GetProperty("lastError").GetString()));

        await azurite.RestartAsync();

        // The channel retries as told until the hub takes the order.
        await Eventually.UntilAsync(async () =>
        {
            using var retried = await hub.PostShopifyAsync(Samples.Shopify(2002, (Samples.Tee, 1)), "evt-2002");
            Assert.NotEqual(HttpStatusCode.InternalServerError, retried.StatusCode);
            return retried.IsSuccessStatusCode;
        }, "the hub taking the retried order");
        Assert.True((await hub.PostShopifyAsync(Samples.Shopify(2003, (Samples.Tee, 1)), "evt-2003")).IsSuccessStatusCode);
        await WaitForHealthAsync(hub, HttpStatusCode.OK, "every listener running again", r => Triggers(r).All(t => t.GetProperty("status").GetString() == "running"));

        foreach (var id in new[] { before, during, after })
        {
            await hub.WaitForStatusAsync(id, OrderStatus.AwaitingShipment);
            Assert.Equal(HttpStatusCode.Accepted, (await hub.ConfirmShipmentAsync(id, $"TRACK-{id}")).StatusCode);
        }

        foreach (var id in new[] { before, during, after })
        {
            Assert.Equal(OrchestrationRuntimeStatus.Completed, (await hub.WaitForEndAsync(id)).RuntimeStatus);
        }

        Assert.Equal(3, hub.Channel.Reports.Select(r => r.Report.TrackingNumber).Distinct().Count());
    }

    private static IEnumerable<JsonElement> Triggers(JsonElement report) => report.GetProperty("triggers").EnumerateArray();

    private static JsonElement? Listener(JsonElement report, string name) =>
        Triggers(report).Where(t => t.GetProperty("name").GetString() == name).Select(t => (JsonElement?)t).FirstOrDefault();

    /// <summary>Polls <c>/api/health</c> (up to 90 s) until it answers <paramref name="status"/> and the report satisfies <paramref name="condition"/>.</summary>
    private static async Task<JsonElement> WaitForHealthAsync(OrderHub hub, HttpStatusCode status, string what, Func<JsonElement, bool>? condition = null)
    {
        var answer = await Eventually.ValueAsync(
            async () =>
            {
                using var response = await hub.Anonymous.GetAsync(new Uri("api/health", UriKind.Relative));
                return (Status: response.StatusCode, Body: await response.Content.ReadAsStringAsync());
            },
            a => a.Status == status && (condition is null || condition(Parse(a.Body))),
            $"health showing {what}",
            TimeSpan.FromSeconds(90));
        return Parse(answer.Body);
    }

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}

using System.Diagnostics;
using System.Net;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Omnichannel.Hosting.Diagnostics;
using Omnichannel.Orders.Model;
using Omnichannel.Orders.Tests.Support;

namespace Omnichannel.Orders.Tests.Flow;

public sealed class OrderTraceTests
{
    [Fact]
    public async Task ShopifyWebhook_ThroughTheFlowToTheTrackingReport_OneTraceAndTheOrderIdOnEveryActivityLine()
    {
        // What Application Insights listens to: the incoming request, the hub's own spans, the engine's spans.
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name is "Microsoft.AspNetCore" or HubTracing.SourceName or HubTracing.DurableSourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        await using var hub = await OrderHub.CreateAsync(services: s => s.AddLogging(b => b.AddFakeLogging()));
        await Samples.SeedAsync(hub.Services);
        const long shopifyId = 1701;
        var id = Samples.ShopifyOrderId(shopifyId);
        var trace = ActivityTraceId.CreateRandom();

        var posted = await hub.PostShopifyAsync(Samples.Shopify(shopifyId, (Samples.Tee, 1)), "evt-1701", traceParent: $"00-{trace}-{ActivitySpanId.CreateRandom()}-01");
        Assert.True(posted.IsSuccessStatusCode, await posted.Content.ReadAsStringAsync());
        await hub.WaitForStatusAsync(id, OrderStatus.AwaitingShipment);
        Assert.Equal(HttpStatusCode.Accepted, (await hub.ConfirmShipmentAsync(id, "TRACK-1701")).StatusCode);
        var end = await hub.WaitForEndAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, end.RuntimeStatus);
        // The shipment was confirmed by another request, but the report runs in the flow, and the flow in the webhook's trace.
        Assert.Equal(trace.ToString(), Assert.Single(hub.Channel.ReportTraces));
        var activityLines = hub.Services.GetFakeLogCollector().GetSnapshot()
            .Where(r => r.Category?.StartsWith("Omnichannel.Orders.Activities", StringComparison.Ordinal) == true)
            .ToList();
        Assert.Contains(activityLines, r => r.Message.Contains("TRACK-1701", StringComparison.Ordinal) || r.Message.Contains("tracking", StringComparison.OrdinalIgnoreCase));
        Assert.All(activityLines, r => Assert.Contains(
            r.Scopes,
            s => s is IEnumerable<KeyValuePair<string, object?>> pairs && pairs.Contains(new KeyValuePair<string, object?>("InstanceId", id))));
    }
}

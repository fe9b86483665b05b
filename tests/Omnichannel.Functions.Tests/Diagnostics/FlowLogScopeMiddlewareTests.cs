using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Omnichannel.Functions.Diagnostics;
using Omnichannel.Functions.Tests.Support;

namespace Omnichannel.Functions.Tests.Diagnostics;

public sealed class FlowLogScopeMiddlewareTests
{
    private static readonly Action<ILogger, Exception?> Line = LoggerMessage.Define(LogLevel.Information, new EventId(1, "Line"), "a line the function logs");

    [Fact]
    public async Task Invoke_ActivityInvocation_EveryLineInsideCarriesTheInstanceId()
    {
        var (sut, inner, collector) = Create();
        var context = new FakeFunctionContext("activityTrigger", new Dictionary<string, object?> { ["instanceId"] = "shopify-main-1001" });

        await sut.Invoke(context, _ =>
        {
            Line(inner, null);
            return Task.CompletedTask;
        });

        var record = Assert.Single(collector.GetSnapshot());
        Assert.Contains(record.Scopes, s => s is IEnumerable<KeyValuePair<string, object?>> pairs && pairs.Contains(new("InstanceId", "shopify-main-1001")));
    }

    [Fact]
    public async Task Invoke_NotAnActivity_NoFlowScope()
    {
        var (sut, inner, collector) = Create();
        var context = new FakeFunctionContext("queueTrigger", new Dictionary<string, object?> { ["instanceId"] = "not-a-flow" });

        await sut.Invoke(context, _ =>
        {
            Line(inner, null);
            return Task.CompletedTask;
        });

        var record = Assert.Single(collector.GetSnapshot());
        Assert.DoesNotContain(record.Scopes, s => s is IEnumerable<KeyValuePair<string, object?>> pairs && pairs.Any(p => p.Key == "InstanceId"));
    }

    private static (FlowLogScopeMiddleware Sut, ILogger Inner, FakeLogCollector Collector) Create()
    {
        var collector = new FakeLogCollector();
        var factory = LoggerFactory.Create(b => b.AddProvider(new FakeLoggerProvider(collector)));
        return (new FlowLogScopeMiddleware(factory.CreateLogger<FlowLogScopeMiddleware>()), factory.CreateLogger("Omnichannel.Orders.Activities"), collector);
    }
}

using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Omnichannel.Channels.Ingestion;
using Omnichannel.Channels.Tests.Support;

namespace Omnichannel.Channels.Tests.Ingestion;

public sealed class WebhookRefusalsTests
{
    [Fact]
    public void Refuse_ThousandFromOneSourceInAMinute_EveryOneCountedTwoLinesLogged()
    {
        var (sut, logs, collector, time, _) = CreateSut();

        for (var i = 0; i < 1000; i++)
        {
            sut.Refuse("pos", "203.0.113.9", i % 2 == 0 ? "signature-missing" : "signature-invalid", "pos/default: no signature");
        }

        var beforeMinute = logs.GetSnapshot().Count;
        time.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(1000, collector.GetMeasurementSnapshot().Sum(m => m.Value));
        Assert.Equal(1, beforeMinute);
        var summary = logs.GetSnapshot()[^1];
        Assert.Equal(2, logs.GetSnapshot().Count);
        Assert.Contains("1000 webhook requests from 203.0.113.9", summary.Message, StringComparison.Ordinal);
        Assert.Contains("signature-missing 500", summary.Message, StringComparison.Ordinal);
        sut.Dispose();
    }

    [Fact]
    public void Refuse_NextMinute_FirstRefusalLoggedAgain()
    {
        var (sut, logs, _, time, _) = CreateSut();

        sut.Refuse("pos", "203.0.113.9", "signature-missing", "x");
        time.Advance(TimeSpan.FromMinutes(1));
        sut.Refuse("pos", "203.0.113.9", "signature-missing", "x");

        // A single refusal in a minute needs no summary; each minute's first is logged.
        Assert.Equal(2, logs.GetSnapshot().Count(r => r.Id.Id == 4000));
        Assert.Equal(0, logs.GetSnapshot().Count(r => r.Id.Id == 4001));
        sut.Dispose();
    }

    [Fact]
    public void Refuse_ManySpoofedSources_LinesBoundedPerMinute()
    {
        var (sut, logs, _, time, _) = CreateSut();

        for (var i = 0; i < 5000; i++)
        {
            sut.Refuse("other", $"198.51.{i / 256}.{i % 256}", "unknown-account", "x");
        }

        time.Advance(TimeSpan.FromMinutes(1));

        Assert.True(logs.GetSnapshot().Count <= (2 * WebhookRefusals.MaxSourcesPerMinute) + 1, $"{logs.GetSnapshot().Count} lines");
        sut.Dispose();
    }

    private static (WebhookRefusals Sut, FakeLogCollector Logs, MetricCollector<long> Collector, FakeTimeProvider Time, ServiceProvider Services) CreateSut()
    {
        var time = new FakeTimeProvider(Deliveries.Now);
        var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = services.GetRequiredService<IMeterFactory>();
        var metrics = new ChannelMetrics(meters);
        var collector = new MetricCollector<long>(meters, ChannelMetrics.MeterName, ChannelMetrics.RefusedName);
        var logger = new FakeLogger<WebhookRefusals>();
        return (new WebhookRefusals(metrics, time, logger), logger.Collector, collector, time, services);
    }
}

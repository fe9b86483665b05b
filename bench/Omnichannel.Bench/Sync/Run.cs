using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Omnichannel.Ledger.Stock;
using Omnichannel.Storage.Connection;
using Omnichannel.Storage.Telemetry;

namespace Omnichannel.Bench.Sync;

/// <summary>One measured phase: its changes, when each reached every channel, calls and storage requests.</summary>
internal sealed class Run(IReadOnlyList<BenchChannel> channels, StorageAccount account)
{
    private readonly ConcurrentBag<Change> _changes = [];
    private readonly ConcurrentBag<double> _latencies = [];
    private readonly long _callsBefore = channels.Sum(c => c.CallCount);
    private readonly StorageRequestCounts _requestsBefore = account.Requests.Snapshot();
    private readonly long _started = Stopwatch.GetTimestamp();
    private int _missed;

    public async Task<Change> ChangeAsync(StockLedger ledger, string sku, CancellationToken cancellationToken)
    {
        var at = Stopwatch.GetTimestamp();
        var outcome = await ledger.RecordAsync(new MovementCommand(sku, MovementKind.PosSale, "wh", 1, Guid.NewGuid().ToString("N"), null, null, null), cancellationToken);
        var movement = outcome.Movement ?? throw new InvalidOperationException("The movement was refused.");

        // The figure every listing should reach (buffer 1, one location): consolidated available − 1.
        var change = new Change(sku, movement.AvailableAfter - 1, at);
        _changes.Add(change);
        return change;
    }

    /// <summary>The time until every channel showed the change's figure or a later one.</summary>
    public void Observe(Change change)
    {
        long? last = 0;
        foreach (var channel in channels)
        {
            var at = channel.FirstAtOrBelow($"{channel.Channel}-{change.Sku}", change.Figure, change.At);
            last = at is null || last is null ? null : Math.Max(last.Value, at.Value);
        }

        if (last is { } reached)
        {
            _latencies.Add(Stopwatch.GetElapsedTime(change.At, reached).TotalMilliseconds);
        }
        else
        {
            Interlocked.Increment(ref _missed);
        }
    }

    public void ObserveAll()
    {
        foreach (var change in _changes)
        {
            Observe(change);
        }
    }

    public void Report(string phase, int changes)
    {
        var elapsed = Stopwatch.GetElapsedTime(_started);
        var sorted = _latencies.Order().ToList();
        var calls = channels.Sum(c => c.CallCount) - _callsBefore;
        var requests = account.Requests.Snapshot() - _requestsBefore;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{phase}: {changes} changes in {elapsed.TotalSeconds:F1} s ({changes / elapsed.TotalSeconds:F1}/s)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  change -> last channel call: p50 {Percentile(sorted, 0.50):F1} ms, p95 {Percentile(sorted, 0.95):F1} ms, p99 {Percentile(sorted, 0.99):F1} ms, max {sorted.LastOrDefault():F1} ms; never reached: {_missed}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  channel calls per change: {(double)calls / changes:F2} ({calls} calls, 5 listings per SKU)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  storage requests per change: {(double)requests.Total / changes:F1} (table {(double)requests.Tables / changes:F1}, queue {(double)requests.Queues / changes:F1}, blob {(double)requests.Blobs / changes:F1}), ledger write included"));
    }

    private static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}

/// <summary>One ledger change: the SKU, the figure it leaves every listing at, and when it was made.</summary>
internal sealed record Change(string Sku, int Figure, long At);

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Omnichannel.Bench.Orders;
using Omnichannel.LocalHost.LocalStorage;
using Omnichannel.Testing;

namespace Omnichannel.Bench.Chaos;

/// <summary>
/// Sends N signed orders (generic channel <c>rakuten</c>, store <c>demo</c>, one DEMO-TEE each, shipped from stock)
/// through the whole flow of a real hub process (the Release build of the local host, on a private disk-backed
/// Azurite, demo catalogue seeded), confirms each shipment once it waits for it, while SIGKILLing the hub at random
/// moments (restarting it at once) and stopping storage once for a while. The sender behaves as a channel does:
/// it retries a webhook until the hub answers 2xx. Reports lost (never became an order), stuck (not Completed by
/// the deadline), duplicated (more than one reservation in the ledger), double-reported (more than one distinct
/// report to the channel), the stock mismatch (on hand and reserved against what completed) and the recovery times
/// (kill, or storage started again, to the hub answering health 200) and each order's time from its first send to its end. Options: <c>--orders 40</c>, <c>--kills 4</c>,
/// <c>--outage 10</c> (seconds), <c>--seed 1</c>.
/// </summary>
public sealed class ChaosBenchmark : IBenchmarkCommand
{
    private const string FunctionKey = "chaos-function-key-0123456789";
    private const string AdminKey = "chaos-admin-key-0123456789";

    public string Name => "chaos";

    public string Description => "N orders through a real hub while it is SIGKILLed and storage restarted; reports lost, stuck, duplicated orders";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var orders = BenchArgs.Int(args, "--orders", 40);
        var kills = BenchArgs.Int(args, "--kills", 4);
        var outage = TimeSpan.FromSeconds(BenchArgs.Int(args, "--outage", 10));
        var random = new Random(BenchArgs.Int(args, "--seed", 1));
        var hubDll = Path.Combine(AzuriteLauncher.FindRepositoryRoot(), "functions", "Omnichannel.LocalHost", "bin", "Release", "net10.0", "Omnichannel.LocalHost.dll");
        if (!File.Exists(hubDll))
        {
            Console.Error.WriteLine($"Build the hub first: dotnet build -c Release functions/Omnichannel.LocalHost ({hubDll} is missing).");
            return 1;
        }

        await using var storage = await PrivateAzurite.StartAsync();
        var fake = new FakeChannelApis(print: false);
        await using var fakeApp = await fake.StartAsync(cancellationToken);
        var port = AzuriteLauncher.FreePorts().Blob;
        await using var hub = new HubProcess(hubDll, port, storage.ConnectionString, FunctionKey, AdminKey);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Add("x-functions-key", FunctionKey);

        hub.Start();
        var started = Stopwatch.StartNew();
        await WaitHealthyAsync(http, TimeSpan.FromMinutes(3), cancellationToken);
        Console.WriteLine($"hub up after {started.Elapsed.TotalSeconds:F1} s; sending {orders} orders, {kills} kills, one storage outage of {outage.TotalSeconds:F0} s");
        await WaitSeededAsync(http, cancellationToken);
        var before = await StockAsync(http, cancellationToken);

        var run = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();
        var ids = Enumerable.Range(1, orders).Select(i => $"CH-{run}-{i}").ToList();
        using var stopChaos = new CancellationTokenSource();
        var recoveries = new ConcurrentBag<(string What, double Seconds)>();
        var chaos = ChaosAsync(hub, storage, http, kills, outage, random, recoveries, stopChaos.Token);

        var latencies = new ConcurrentBag<double>();
        var flows = ids.Select(async (id, i) =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(i * 400), cancellationToken);
            var sent = Stopwatch.StartNew();
            await SendUntilAcceptedAsync(http, id, cancellationToken);
            var outcome = await FollowAsync(http, id, TimeSpan.FromMinutes(6), cancellationToken);
            latencies.Add(sent.Elapsed.TotalSeconds);
            return outcome;
        }).ToList();
        var outcomes = await Task.WhenAll(flows);
        await stopChaos.CancelAsync();
        await chaos;

        var after = await StockAsync(http, cancellationToken);
        var completed = outcomes.Count(o => o == "Completed");
        var lost = outcomes.Count(o => o == "lost");
        var stuck = outcomes.Where(o => o is not ("Completed" or "lost")).ToList();
        var reservations = await ReservationsAsync(http, cancellationToken);
        var duplicated = ids.Count(id => reservations.GetValueOrDefault($"rakuten_demo_{id}") > 1);

        var doubleReported = fake.Reports.Count(r => r.Value.Distinct(StringComparer.Ordinal).Count() > 1);
        var resent = fake.Reports.Sum(r => r.Value.Count - r.Value.Distinct(StringComparer.Ordinal).Count());
        var onHandMismatch = before.OnHand - after.OnHand - completed;
        Console.WriteLine($"orders {orders}: completed {completed}, lost {lost}, stuck {stuck.Count} ({string.Join(", ", stuck.GroupBy(s => s).Select(g => $"{g.Key} {g.Count()}"))}), duplicated {duplicated}, double-reported {doubleReported} (same report resent with its key: {resent})");
        Console.WriteLine($"stock DEMO-TEE on hand {before.OnHand} -> {after.OnHand} (mismatch {onHandMismatch}), reserved {before.Reserved} -> {after.Reserved}");
        var sorted = latencies.Order().ToList();
        Console.WriteLine($"first send to end (shipment confirmed on the way): p50 {sorted[sorted.Count / 2]:F1} s, p90 {sorted[(int)(sorted.Count * 0.9)]:F1} s, max {sorted[^1]:F1} s");
        foreach (var group in recoveries.GroupBy(r => r.What))
        {
            var times = group.Select(r => r.Seconds).Order().ToList();
            Console.WriteLine($"recovery after {group.Key}: n={times.Count}, median {times[times.Count / 2]:F1} s, max {times[^1]:F1} s");
        }

        Console.WriteLine($"total {started.Elapsed.TotalSeconds:F0} s");
        return lost + stuck.Count + duplicated + doubleReported == 0 && onHandMismatch == 0 && after.Reserved == before.Reserved ? 0 : 1;
    }

    private static async Task ChaosAsync(HubProcess hub, PrivateAzurite storage, HttpClient http, int kills, TimeSpan outage, Random random, ConcurrentBag<(string, double)> recoveries, CancellationToken cancellationToken)
    {
        var outageAfter = Math.Max(1, kills / 2);
        try
        {
            for (var k = 1; k <= kills; k++)
            {
                await Task.Delay(TimeSpan.FromSeconds(4 + (random.NextDouble() * 8)), cancellationToken);
                hub.Kill();
                var watch = Stopwatch.StartNew();
                Console.WriteLine($"  kill -9 #{k} at {TimeProvider.System.GetUtcNow():HH:mm:ss}");
                hub.Start();
                await WaitHealthyAsync(http, TimeSpan.FromMinutes(3), CancellationToken.None);
                recoveries.Add(("kill -9", watch.Elapsed.TotalSeconds));
                if (k == outageAfter)
                {
                    await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
                    Console.WriteLine($"  storage stopped at {TimeProvider.System.GetUtcNow():HH:mm:ss} for {outage.TotalSeconds:F0} s");
                    await storage.StopAsync();
                    await Task.Delay(outage, CancellationToken.None);
                    watch.Restart();
                    await storage.RestartAsync();
                    await WaitHealthyAsync(http, TimeSpan.FromMinutes(3), CancellationToken.None);
                    recoveries.Add(("storage restart", watch.Elapsed.TotalSeconds));
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>As a channel does: retries (2 s apart) until the hub answers 2xx; a 4xx other than 429 is a bug and stops.</summary>
    private static async Task SendUntilAcceptedAsync(HttpClient http, string id, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                using var request = DemoWebhooks.GenericOrder("rakuten", id, new { kind = "ship" }, "DEMO-TEE", 1, $"chaos-{id}");
                using var response = await http.SendAsync(request, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }

                if ((int)response.StatusCode is >= 400 and < 500 and not 429)
                {
                    throw new InvalidOperationException($"Webhook of {id} refused: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // The hub is down (killed): try again.
            }

            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        }
    }

    /// <summary>Follows an order to its end, confirming the shipment once it waits for it; its last status, or "lost".</summary>
    private static async Task<string> FollowAsync(HttpClient http, string channelOrderId, TimeSpan limit, CancellationToken cancellationToken)
    {
        var id = $"rakuten_demo_{channelOrderId}";
        var deadline = Stopwatch.StartNew();
        string last = "lost";
        var confirmed = false;
        while (deadline.Elapsed < limit)
        {
            try
            {
                using var response = await http.GetAsync(new Uri($"/api/orders/{id}", UriKind.Relative), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    using var order = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
                    last = order.RootElement.GetProperty("summary").GetProperty("status").GetString() ?? "?";
                    if (last is "Completed" or "Failed" or "Cancelled" or "Terminated")
                    {
                        return last;
                    }

                    if (last == "AwaitingShipment" && !confirmed)
                    {
                        using var shipped = await http.PostAsJsonAsync(new Uri($"/api/shipments/{id}", UriKind.Relative), new { carrier = "DHL", trackingNumber = $"T-{channelOrderId}" }, cancellationToken);
                        confirmed = shipped.StatusCode == HttpStatusCode.Accepted;
                    }
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
            }

            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }

        return last;
    }

    /// <summary>Reserve movements of DEMO-TEE by order id (the run has far fewer than a page of 1,000).</summary>
    private static async Task<Dictionary<string, int>> ReservationsAsync(HttpClient http, CancellationToken cancellationToken)
    {
        using var page = JsonDocument.Parse(await http.GetStringAsync(new Uri("/api/stock/DEMO-TEE/movements?pageSize=1000", UriKind.Relative), cancellationToken));
        return page.RootElement.GetProperty("items").EnumerateArray()
            .Where(m => m.GetProperty("kind").GetString() is "Reserve" or "reserve")
            .Select(m => m.GetProperty("source").TryGetProperty("orderId", out var o) ? o.GetString() ?? string.Empty : string.Empty)
            .GroupBy(id => id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
    }

    private static async Task<(int OnHand, int Reserved)> StockAsync(HttpClient http, CancellationToken cancellationToken)
    {
        using var stock = JsonDocument.Parse(await http.GetStringAsync(new Uri("/api/stock/DEMO-TEE", UriKind.Relative), cancellationToken));
        return (stock.RootElement.GetProperty("onHand").GetInt32(), stock.RootElement.GetProperty("reserved").GetInt32());
    }

    private static async Task WaitSeededAsync(HttpClient http, CancellationToken cancellationToken)
    {
        for (var i = 0; i < 120; i++)
        {
            using var response = await http.GetAsync(new Uri("/api/stock/DEMO-TEE", UriKind.Relative), cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return;
            }

            await Task.Delay(500, cancellationToken);
        }

        throw new TimeoutException("The demo catalogue was not seeded.");
    }

    private static async Task WaitHealthyAsync(HttpClient http, TimeSpan limit, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < limit)
        {
            try
            {
                using var response = await http.GetAsync(new Uri("/api/health", UriKind.Relative), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
            }

            await Task.Delay(250, cancellationToken);
        }

        throw new TimeoutException($"The hub was not healthy within {limit}.");
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using Omnichannel.Durable.Model;
using Omnichannel.Durable.Storage;
using Xunit.Abstractions;

namespace Omnichannel.Durable.Tests.Dispatch;

[Collection(HeavyCollection.Name)]
public sealed class TwoRuntimeTests(ITestOutputHelper output)
{
    private const int PerRuntime = 500;

    [Fact]
    public async Task TwoRuntimes_SameStorage_CompleteFiveHundredInstancesEachExactlyOnce()
    {
        var names = DurableNames.Create();
        var effects = new ConcurrentDictionary<string, int>();
        var completions = new ConcurrentDictionary<string, int>();
        void Register(Microsoft.Extensions.DependencyInjection.IServiceCollection s)
        {
            s.AddActivity<int, int>("Double", (ctx, x) =>
            {
                effects.AddOrUpdate(ctx.IdempotencyKey, 1, (_, n) => n + 1);
                return Task.FromResult(x * 2);
            });
            s.AddActivity<string, bool>("Done", (ctx, instance) =>
            {
                completions.AddOrUpdate(ctx.IdempotencyKey, 1, (_, n) => n + 1);
                return Task.FromResult(true);
            });
            s.AddOrchestrator<int, int>("TwoSteps", async (ctx, x) =>
            {
                var doubled = await ctx.CallActivityAsync<int>("Double", x);
                await ctx.CallActivityAsync<bool>("Done", ctx.InstanceId);
                return doubled;
            });
        }

        await using var first = await TestRuntime.StartAsync(Register, names: names);
        await using var second = await TestRuntime.StartAsync(Register, names: names);
        var watch = Stopwatch.StartNew();
        var starts = Enumerable.Range(0, PerRuntime * 2)
            .Select(i => (i % 2 == 0 ? first : second).Client.ScheduleNewOrchestrationInstanceAsync("TwoSteps", i, new() { InstanceId = $"{names.Table}-{i}" }));
        var ids = new List<string>();
        foreach (var chunk in starts.Chunk(50))
        {
            ids.AddRange(await Task.WhenAll(chunk));
        }

        var results = new List<Omnichannel.Durable.Client.OrchestrationMetadata>();
        foreach (var chunk in ids.Chunk(50))
        {
            results.AddRange(await Task.WhenAll(chunk.Select(id => first.CompletionAsync(id, TimeSpan.FromMinutes(3)))));
        }

        output.WriteLine($"{ids.Count} instances on two runtimes in {watch.Elapsed.TotalSeconds:F1} s; runtime 1 storage {first.Storage.Requests.Snapshot()}, runtime 2 {second.Storage.Requests.Snapshot()}");
        Assert.All(results, r => Assert.Equal(OrchestrationRuntimeStatus.Completed, r.RuntimeStatus));
        Assert.Equal(ids.Select(id => int.Parse(id.Split('-')[1]) * 2), results.Select(r => r.ReadOutputAs<int>()));
        Assert.Equal(PerRuntime * 2, effects.Count);
        Assert.Equal(PerRuntime * 2, completions.Count);
        var page = await first.Client.QueryInstancesAsync(new InstanceQuery { InstanceIdPrefix = names.Table, PageSize = 1000, Statuses = [OrchestrationRuntimeStatus.Completed] });
        Assert.Equal(PerRuntime * 2, page.Instances.Count);
        foreach (var id in ids.Take(50))
        {
            var history = await first.Client.GetHistoryAsync(id);
            Assert.Equal(2, history.Count(e => e.Kind == HistoryEventKind.TaskCompleted));
            Assert.Single(history, e => e.Kind == HistoryEventKind.ExecutionCompleted);
        }
    }
}

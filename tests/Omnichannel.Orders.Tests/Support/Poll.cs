namespace Omnichannel.Orders.Tests.Support;

/// <summary>Polls storage-backed conditions (the hub runs on real time and real Azurite).</summary>
public static class Poll
{
    /// <summary>Returns once the condition holds; throws after 60 s.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!await condition())
        {
            await Task.Delay(100, timeout.Token);
        }
    }

    /// <summary>Returns once the hub has queued an order alert of that kind.</summary>
    public static Task AlertAsync(OrderHub hub, string kind) =>
        UntilAsync(async () => (await Alerts.ReadAsync(hub)).Any(a => a.Kind == kind));
}

using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Testing;

namespace Omnichannel.Ledger.Tests.Http;

/// <summary>
/// The hub with this test's own ledger tables and queues. Disposal tolerates the skeleton host's
/// StandaloneTriggers disposing its token sources before StopAsync (fixed on main; harmless once merged).
/// </summary>
internal sealed class LedgerHub(HubFactory factory) : IAsyncDisposable
{
    public static async Task<LedgerHub> CreateAsync(Action<IServiceCollection>? services = null) =>
        new(await HubFactory.CreateAsync(LedgerHarness.UniqueSettings(), services));

    public HttpClient CreateClient() => factory.CreateClient();

    public HttpClient CreateFunctionClient() => factory.CreateFunctionClient();

    public ValueTask DisposeAsync() => factory.DisposeAsync();
}

using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Ledger.Stock;
using Omnichannel.LocalHost.Demo;
using Omnichannel.Testing;

namespace Omnichannel.LocalHost.Tests.Demo;

public sealed class DemoCatalogueTests
{
    [Fact]
    public async Task SeedDemo_OnEmptyStore_SeedsStoreWarehouseAndFbaOnce()
    {
        await using var hub = await HubFactory.CreateAsync(new Dictionary<string, string?> { ["Orders:SeedDemo"] = "true" });

        var tee = await hub.Services.GetRequiredService<StockReader>().GetAsync("DEMO-TEE", default);
        Assert.Equal(700, tee!.OnHand);
        Assert.Equal([("fba-eu", 200), ("store-berlin", 200), ("wh-main", 300)], tee.Locations.Select(l => (l.Location, l.OnHand)).ToList());
        Assert.False(await hub.Services.GetRequiredService<DemoCatalogue>().SeedIfEmptyAsync(default));
        Assert.Equal(700, (await hub.Services.GetRequiredService<StockReader>().GetAsync("DEMO-TEE", default))!.OnHand);
    }

    [Fact]
    public async Task SeedDemo_Off_LeavesTheStoreEmpty()
    {
        await using var hub = await HubFactory.CreateAsync();

        Assert.Null(await hub.Services.GetRequiredService<StockReader>().GetAsync("DEMO-TEE", default));
    }
}

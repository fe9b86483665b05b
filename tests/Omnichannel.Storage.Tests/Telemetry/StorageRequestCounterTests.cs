using Azure.Data.Tables;
using Omnichannel.Storage.Telemetry;
using Omnichannel.Testing;

namespace Omnichannel.Storage.Tests.Telemetry;

public sealed class StorageRequestCounterTests
{
    [Fact]
    public async Task Snapshot_TableRequests_CountedAsTables()
    {
        var account = await Azurite.AccountAsync();
        var table = account.Tables.GetTableClient(Unique.Name("counter"));

        await table.CreateIfNotExistsAsync();
        await table.AddEntityAsync(new TableEntity("p", "r"));

        Assert.Equal(new StorageRequestCounts(2, 0, 0), account.Requests.Snapshot());
        Assert.Equal(0, account.Requests.Uncounted);
    }

    [Fact]
    public async Task UncountedAsync_RequestsInside_CountedApartAndOnlyThere()
    {
        var account = await Azurite.AccountAsync();
        var table = account.Tables.GetTableClient(Unique.Name("counter"));
        await table.CreateIfNotExistsAsync();

        await account.Requests.UncountedAsync(() => table.AddEntityAsync(new TableEntity("p", "r1")));
        await table.AddEntityAsync(new TableEntity("p", "r2"));

        Assert.Equal(new StorageRequestCounts(2, 0, 0), account.Requests.Snapshot());
        Assert.Equal(1, account.Requests.Uncounted);
    }

    [Fact]
    public async Task CountOn_OtherClientOptions_CountsTheirRequests()
    {
        var counter = new StorageRequestCounter();
        var options = new TableClientOptions();
        counter.CountOn(options, StorageService.Table);
        var service = new TableServiceClient(await Azurite.ConnectionStringAsync(), options);

        await service.GetTableClient(Unique.Name("counter")).CreateIfNotExistsAsync();

        Assert.Equal(new StorageRequestCounts(1, 0, 0), counter.Snapshot());
    }
}

using Azure.Data.Tables;
using Omnichannel.Storage.Errors;
using Omnichannel.Testing;

namespace Omnichannel.Storage.Tests.Errors;

public sealed class StorageCallTests
{
    private const string Partition = "p";
    private const string Row = "counter";

    [Fact]
    public async Task RetryOnConflictAsync_ConcurrentWriterBetweenReadAndWrite_RetriesAndCommitsOnce()
    {
        var table = await TableAsync();
        await table.AddEntityAsync(new TableEntity(Partition, Row) { ["Count"] = 0 });
        var attempts = 0;

        var written = await StorageCall.RetryOnConflictAsync(async () =>
        {
            attempts++;
            var read = (await table.GetEntityAsync<TableEntity>(Partition, Row)).Value;
            if (attempts == 1)
            {
                // Another writer commits between this step's read and its write: the step's ETag is stale.
                await table.UpdateEntityAsync(new TableEntity(Partition, Row) { ["Count"] = read.GetInt32("Count") + 100 }, read.ETag, TableUpdateMode.Merge);
            }

            var next = read.GetInt32("Count")!.Value + 1;
            await table.UpdateEntityAsync(new TableEntity(Partition, Row) { ["Count"] = next }, read.ETag, TableUpdateMode.Merge);
            return next;
        });

        Assert.Equal(2, attempts);
        Assert.Equal(101, written);
        Assert.Equal(101, (await table.GetEntityAsync<TableEntity>(Partition, Row)).Value.GetInt32("Count"));
    }

    [Fact]
    public async Task RetryOnConflictAsync_ManyConcurrentWriters_EachCommitsExactlyOnce()
    {
        var table = await TableAsync();
        await table.AddEntityAsync(new TableEntity(Partition, Row) { ["Count"] = 0 });
        var attempts = 0;

        var writers = Enumerable.Range(0, 8).Select(_ => Task.Run(() => StorageCall.RetryOnConflictAsync(async () =>
        {
            Interlocked.Increment(ref attempts);
            var read = (await table.GetEntityAsync<TableEntity>(Partition, Row)).Value;
            await table.UpdateEntityAsync(new TableEntity(Partition, Row) { ["Count"] = read.GetInt32("Count")!.Value + 1 }, read.ETag, TableUpdateMode.Merge);
            return true;
        }))).ToList();
        await Task.WhenAll(writers);

        Assert.Equal(8, (await table.GetEntityAsync<TableEntity>(Partition, Row)).Value.GetInt32("Count"));
        Assert.True(attempts >= 8);
    }

    [Fact]
    public async Task RetryOnConflictAsync_StepSignalsRetry_RunsStepAgainWithFreshRead()
    {
        var table = await TableAsync();
        var attempts = 0;

        var result = await StorageCall.RetryOnConflictAsync(async () =>
        {
            attempts++;
            var existing = await StorageCall.TryGetAsync(async () => (await table.GetEntityAsync<TableEntity>(Partition, Row)).Value);
            if (existing is null)
            {
                if (attempts == 1)
                {
                    // Another writer creates the row after this step found none.
                    await table.AddEntityAsync(new TableEntity(Partition, Row) { ["Count"] = 5 });
                }

                if (!await StorageCall.TryCreateAsync(() => table.AddEntityAsync(new TableEntity(Partition, Row) { ["Count"] = 1 })))
                {
                    throw StorageCall.Retry("Another writer created the row first; re-reading.");
                }

                return 1;
            }

            var next = existing.GetInt32("Count")!.Value + 1;
            await table.UpdateEntityAsync(new TableEntity(Partition, Row) { ["Count"] = next }, existing.ETag, TableUpdateMode.Merge);
            return next;
        });

        Assert.Equal(2, attempts);
        Assert.Equal(6, result);
        Assert.Equal(6, (await table.GetEntityAsync<TableEntity>(Partition, Row)).Value.GetInt32("Count"));
    }

    [Fact]
    public async Task RetryOnConflictAsync_RetrySignalEveryAttempt_GivesUpAfterLimitWithClearException()
    {
        var attempts = 0;
        var cause = new InvalidOperationException("row created concurrently");

        var e = await Assert.ThrowsAsync<StorageException>(() => StorageCall.RetryOnConflictAsync<int>(() =>
        {
            attempts++;
            throw StorageCall.Retry("Another writer created the row first; re-reading.", cause);
        }, maxAttempts: 3));

        Assert.Equal(3, attempts);
        Assert.Equal(412, e.Status);
        Assert.True(e.IsPreconditionFailed);
        Assert.Equal(StorageException.RetriesExhausted, e.ErrorCode);
        Assert.Contains("3 attempts", e.Message, StringComparison.Ordinal);
        Assert.Contains("Another writer created the row first", e.Message, StringComparison.Ordinal);
        var signal = Assert.IsType<StorageRetry>(e.InnerException);
        Assert.Same(cause, signal.InnerException);
    }

    [Fact]
    public async Task RetryOnConflictAsync_StaleETagEveryAttempt_GivesUpWith412()
    {
        var table = await TableAsync();
        await table.AddEntityAsync(new TableEntity(Partition, Row) { ["Count"] = 0 });
        var stale = (await table.GetEntityAsync<TableEntity>(Partition, Row)).Value.ETag;
        await table.UpdateEntityAsync(new TableEntity(Partition, Row) { ["Count"] = 1 }, stale, TableUpdateMode.Merge);
        var attempts = 0;

        var e = await Assert.ThrowsAsync<StorageException>(() => StorageCall.RetryOnConflictAsync(async () =>
        {
            attempts++;
            await table.UpdateEntityAsync(new TableEntity(Partition, Row) { ["Count"] = 2 }, stale, TableUpdateMode.Merge);
            return true;
        }, maxAttempts: 4));

        Assert.Equal(4, attempts);
        Assert.True(e.IsPreconditionFailed);
        Assert.NotEqual(StorageException.RetriesExhausted, e.ErrorCode);
    }

    [Fact]
    public async Task TryConditionalAsync_StaleETagOrGone_FalseAndCurrentETag_True()
    {
        var table = await TableAsync();
        await table.AddEntityAsync(new TableEntity(Partition, Row) { ["Count"] = 0 });
        var read = (await table.GetEntityAsync<TableEntity>(Partition, Row)).Value;

        Assert.True(await StorageCall.TryConditionalAsync(() => table.UpdateEntityAsync(new TableEntity(Partition, Row) { ["Count"] = 1 }, read.ETag, TableUpdateMode.Merge)));
        Assert.False(await StorageCall.TryConditionalAsync(() => table.UpdateEntityAsync(new TableEntity(Partition, Row) { ["Count"] = 2 }, read.ETag, TableUpdateMode.Merge)));
        await table.DeleteEntityAsync(Partition, Row);
        Assert.False(await StorageCall.TryConditionalAsync(() => table.UpdateEntityAsync(new TableEntity(Partition, Row) { ["Count"] = 3 }, read.ETag, TableUpdateMode.Merge)));
        Assert.Null(await StorageCall.TryGetAsync(async () => (await table.GetEntityAsync<TableEntity>(Partition, Row)).Value));
    }

    [Fact]
    public async Task RunAsync_Conflict_StorageExceptionWithStatus()
    {
        var table = await TableAsync();
        await table.AddEntityAsync(new TableEntity(Partition, Row));

        var e = await Assert.ThrowsAsync<StorageException>(() => StorageCall.RunAsync(() => table.AddEntityAsync(new TableEntity(Partition, Row))));

        Assert.True(e.IsConflict);
        Assert.Equal("EntityAlreadyExists", e.ErrorCode);
    }

    private static async Task<TableClient> TableAsync()
    {
        var account = await Azurite.AccountAsync();
        var table = account.Tables.GetTableClient(Unique.Name("storagecall"));
        await table.CreateIfNotExistsAsync();
        return table;
    }
}

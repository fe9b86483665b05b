using Omnichannel.Functions.Tests.Support;

namespace Omnichannel.Functions.Tests.Architecture;

/// <summary>
/// Azure SDK storage types and table key formats stay in the storage seam: <c>Omnichannel.Storage/</c>, the
/// features' client holders (<c>*Storage.cs</c>) and the classes that are the storage of one table, queue or container
/// (<c>*Store.cs</c>). Everything else asks a store.
/// </summary>
public sealed class StorageSeamTests
{
    /// <summary>Names that mean a file touches storage rows, clients or their errors directly.</summary>
    private static readonly string[] StorageNames =
    [
        "TableEntity", "TableClient", "TableTransactionAction", "QueueClient", "BlobClient", "BlobContainerClient",
        "RequestFailedException", "TableKeys",
    ];

    /// <summary>The few files outside the seam's naming that may use them, each for its reason (paths under <c>functions/</c>).</summary>
    private static readonly string[] Exceptions =
    [
        // The local host is itself a host of storage: its Durable engine and its queue and timer triggers.
        "Omnichannel.LocalHost/Durable/LocalDurableStorageClientOptions.cs",
        "Omnichannel.LocalHost/Triggers/QueueListener.cs",
        "Omnichannel.LocalHost/Triggers/TimerSingleton.cs",

        // Names the table an outbox lives in (the ledger's stock table, the events outbox table) for OutboxStore.
        "Omnichannel.Events/Outbox/OutboxSource.cs",

        // An event destination that is a Storage queue, as ServiceBusDestination is a topic.
        "Omnichannel.Events/Destinations/StorageQueueDestination.cs",
    ];

    [Fact]
    public void SourceFiles_OutsideTheStorageSeam_UseNoStorageTypesOrKeyFormats()
    {
        var offenders = (from file in SourceFiles()
                         where !InSeam(file) && !Exceptions.Contains(file, StringComparer.Ordinal)
                         let used = Uses(file)
                         where used.Count > 0
                         select $"{file} ({string.Join(", ", used)})").ToList();

        Assert.True(
            offenders.Count == 0,
            "Storage types or key formats outside Omnichannel.Storage/, *Storage.cs and *Store.cs; move the row access into the table's store: "
            + string.Join("; ", offenders));
    }

    [Fact]
    public void Exceptions_EachStillUsesStorage_KeepsTheListShort()
    {
        var files = SourceFiles().ToHashSet(StringComparer.Ordinal);

        var stale = Exceptions.Where(e => !files.Contains(e) || Uses(e).Count == 0).ToList();

        Assert.True(stale.Count == 0, "Exceptions that no longer exist or no longer use storage types; remove them: " + string.Join(", ", stale));
    }

    [Fact]
    public void Uses_SeamFile_FindsTheStorageNames()
    {
        // The scan must see what it looks for, or the first test would pass on anything.
        Assert.Contains("TableClient", Uses("Omnichannel.Storage/Tables/TableFilter.cs"));
        Assert.Contains("TableKeys", Uses("Omnichannel.Storage/Errors/TableKeys.cs"));
        Assert.Contains(SourceFiles(), f => f.EndsWith("Store.cs", StringComparison.Ordinal) && Uses(f).Contains("TableEntity"));
    }

    private static string Functions() => Path.Combine(Repository.Root(), "functions");

    /// <summary>Every C# source file under <c>functions/</c> (build output left out), as a path relative to it with '/'.</summary>
    private static List<string> SourceFiles()
    {
        var root = Functions();
        return Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => !f.Split('/').Any(part => part is "obj" or "bin"))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static bool InSeam(string file) =>
        file.StartsWith("Omnichannel.Storage/", StringComparison.Ordinal)
        || file.EndsWith("Store.cs", StringComparison.Ordinal)
        || file.EndsWith("Storage.cs", StringComparison.Ordinal);

    private static List<string> Uses(string file)
    {
        var text = File.ReadAllText(Path.Combine(Functions(), file));
        return StorageNames.Where(n => text.Contains(n, StringComparison.Ordinal)).ToList();
    }
}

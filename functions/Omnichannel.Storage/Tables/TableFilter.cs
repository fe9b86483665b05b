using Azure.Data.Tables;

namespace Omnichannel.Storage.Tables;

/// <summary>
/// The table query filters the hub uses, in one place: callers say which partition and which RowKey range, never
/// write OData. Every value is quoted and escaped by <see cref="TableClient.CreateQueryFilter(FormattableString)"/>.
/// </summary>
public static class TableFilter
{
    /// <summary>Every row of one partition.</summary>
    public static string Partition(string partitionKey) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}");

    /// <summary>The rows of one partition with <paramref name="from"/> &lt;= RowKey &lt; <paramref name="before"/>.</summary>
    public static string Rows(string partitionKey, string from, string before) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey} and RowKey ge {from} and RowKey lt {before}");

    /// <summary>The rows of one partition with <paramref name="from"/> &lt;= RowKey &lt;= <paramref name="through"/>.</summary>
    public static string RowsThrough(string partitionKey, string from, string through) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey} and RowKey ge {from} and RowKey le {through}");

    /// <summary>The rows, in any partition, with <paramref name="from"/> &lt;= RowKey &lt; <paramref name="before"/> (a scan of every partition on Azure).</summary>
    public static string RowsInEveryPartition(string from, string before) =>
        TableClient.CreateQueryFilter($"RowKey ge {from} and RowKey lt {before}");

    /// <summary>Every row of the partitions <paramref name="from"/> &lt;= PartitionKey &lt;= <paramref name="through"/>.</summary>
    public static string Partitions(string from, string through) =>
        TableClient.CreateQueryFilter($"PartitionKey ge {from} and PartitionKey le {through}");

    /// <summary>Selects only the PartitionKey of each row (for a query that lists partitions).</summary>
    public static IReadOnlyList<string> PartitionKeyOnly { get; } = ["PartitionKey"];
}

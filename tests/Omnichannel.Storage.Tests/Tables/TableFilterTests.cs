using Omnichannel.Storage.Tables;

namespace Omnichannel.Storage.Tests.Tables;

public sealed class TableFilterTests
{
    [Fact]
    public void Partition_QuoteInKey_Escaped()
    {
        Assert.Equal("PartitionKey eq 'o''brien'", TableFilter.Partition("o'brien"));
    }

    [Fact]
    public void Rows_Range_HalfOpen()
    {
        Assert.Equal("PartitionKey eq 'sku' and RowKey ge 'log|' and RowKey lt 'log}'", TableFilter.Rows("sku", "log|", "log}"));
    }

    [Fact]
    public void RowsThrough_Range_Closed()
    {
        Assert.Equal("PartitionKey eq '20260101' and RowKey ge 'a' and RowKey le 'b}'", TableFilter.RowsThrough("20260101", "a", "b}"));
    }

    [Fact]
    public void Partitions_Range_Closed()
    {
        Assert.Equal("PartitionKey ge '20260101' and PartitionKey le '20260131'", TableFilter.Partitions("20260101", "20260131"));
    }

    [Fact]
    public void RowsInEveryPartition_Range_NoPartitionKey()
    {
        Assert.Equal("RowKey ge 'evt|' and RowKey lt 'evt}'", TableFilter.RowsInEveryPartition("evt|", "evt}"));
    }
}

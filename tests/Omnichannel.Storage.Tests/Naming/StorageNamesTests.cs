using Omnichannel.Storage.Naming;

namespace Omnichannel.Storage.Tests.Naming;

public sealed class StorageNamesTests
{
    [Theory]
    [InlineData("abc", true)]
    [InlineData("order-alerts", true)]
    [InlineData("1queue-2", true)]
    [InlineData("ab", false)]
    [InlineData("Upper", false)]
    [InlineData("-leading", false)]
    [InlineData("trailing-", false)]
    [InlineData("double--hyphen", false)]
    [InlineData("under_score", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsQueueName_Candidates_FollowAzureRules(string? name, bool valid)
    {
        Assert.Equal(valid, StorageNames.IsQueueName(name));
        Assert.Equal(valid, StorageNames.IsContainerName(name));
        Assert.Equal(valid, StorageNames.CheckQueue(name) is null);
    }

    [Fact]
    public void IsQueueName_LengthBounds_3To63()
    {
        Assert.True(StorageNames.IsQueueName(new string('a', 63)));
        Assert.False(StorageNames.IsQueueName(new string('a', 64)));
    }

    [Theory]
    [InlineData("orders", true)]
    [InlineData("ChannelDedupe", true)]
    [InlineData("t123", true)]
    [InlineData("ab", false)]
    [InlineData("1orders", false)]
    [InlineData("bad-name", false)]
    [InlineData("no_underscores", false)]
    [InlineData("tables", false)]
    [InlineData(null, false)]
    public void IsTableName_Candidates_FollowAzureRules(string? name, bool valid)
    {
        Assert.Equal(valid, StorageNames.IsTableName(name));
        Assert.Equal(valid, StorageNames.CheckTable(name) is null);
    }

    [Fact]
    public void IsTableName_LengthBounds_3To63()
    {
        Assert.True(StorageNames.IsTableName("a" + new string('1', 62)));
        Assert.False(StorageNames.IsTableName("a" + new string('1', 63)));
    }

    [Fact]
    public void CheckContainer_Invalid_SaysWhatItWas()
    {
        Assert.Contains("(was 'Feeds')", StorageNames.CheckContainer("Feeds"), StringComparison.Ordinal);
    }
}

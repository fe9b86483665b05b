using Omnichannel.Channels.Storage;

namespace Omnichannel.Channels.Tests.Storage;

public sealed class StorageKeysTests
{
    [Fact]
    public void Bounded_ShortId_EscapedAsBefore() => Assert.Equal("e:a%2Fb", StorageKeys.Bounded("e:a/b"));

    [Fact]
    public void Bounded_IdThatEscapesBeyondTheLimit_HashedAndDistinct()
    {
        var a = StorageKeys.Bounded(new string('/', 100));
        var b = StorageKeys.Bounded(new string('/', 101));

        Assert.StartsWith("%h", a, StringComparison.Ordinal);
        Assert.Equal(66, a.Length);
        Assert.NotEqual(a, b);
    }
}

using Omnichannel.Storage.Errors;

namespace Omnichannel.Storage.Tests.Errors;

public sealed class TableKeysTests
{
    [Fact]
    public void Bounded_ShortId_EscapedAsBefore() => Assert.Equal("e:a%2Fb", TableKeys.Bounded("e:a/b"));

    [Fact]
    public void Bounded_IdThatEscapesBeyondTheLimit_HashedAndDistinct()
    {
        var a = TableKeys.Bounded(new string('/', 100));
        var b = TableKeys.Bounded(new string('/', 101));

        Assert.StartsWith("%h", a, StringComparison.Ordinal);
        Assert.Equal(66, a.Length);
        Assert.NotEqual(a, b);
    }
}

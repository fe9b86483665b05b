namespace Omnichannel.OperationsConsole.Tests.Support;

/// <summary>The console's tests share one hub and one browser (<see cref="ConsoleFixture"/>): starting them is most of the cost.</summary>
[CollectionDefinition(Name)]
public sealed class ConsoleCollection : ICollectionFixture<ConsoleFixture>
{
    public const string Name = "console";
}

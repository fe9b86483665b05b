using Omnichannel.OperationsConsole.Configuration;

namespace Omnichannel.OperationsConsole.Tests.Configuration;

public sealed class ConsoleOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeed()
    {
        Assert.True(new ConsoleOptionsValidator().Validate(null, new ConsoleOptions()).Succeeded);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void Validate_NoOperatorRole_FailsNamingIt(string role)
    {
        var result = new ConsoleOptionsValidator().Validate(null, new ConsoleOptions { OperatorRole = role });

        Assert.StartsWith("Console__OperatorRole must name the app role", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(".auth/login/aad")]
    [InlineData("https://login.example.test/")]
    [InlineData("//login.example.test/")]
    public void Validate_LoginPathNotOnThisSite_FailsNamingIt(string path)
    {
        var result = new ConsoleOptionsValidator().Validate(null, new ConsoleOptions { LoginPath = path });

        Assert.StartsWith("Console__LoginPath must be a path on this site", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BothBad_ReportsEach()
    {
        var failures = new ConsoleOptionsValidator().Validate(null, new ConsoleOptions { OperatorRole = "", LoginPath = "login" }).Failures!.ToList();

        Assert.Equal(2, failures.Count);
        Assert.Contains(failures, f => f.StartsWith("Console__OperatorRole ", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Console__LoginPath ", StringComparison.Ordinal));
    }
}

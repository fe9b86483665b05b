using Omnichannel.LocalHost.Configuration;

namespace Omnichannel.LocalHost.Tests.Configuration;

public sealed class HubOptionsValidatorTests
{
    private const string FunctionKey = "long-enough-function-key-0001";
    private const string AdminKey = "long-enough-admin-key-0001";

    [Fact]
    public void Validate_DefaultsWithBothKeys_Succeed()
    {
        Assert.True(new HubOptionsValidator().Validate(null, new HubOptions { FunctionKey = FunctionKey, AdminKey = AdminKey }).Succeeded);
    }

    [Fact]
    public void Validate_Defaults_FailNamingEachMissingKey()
    {
        var failures = new HubOptionsValidator().Validate(null, new HubOptions()).Failures!.ToList();

        Assert.Equal(2, failures.Count);
        Assert.Contains(failures, f => f.StartsWith("Hub__FunctionKey is missing", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Hub__AdminKey is missing", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("", AdminKey, "Hub__FunctionKey is missing or shorter than 16 characters")]
    [InlineData("fifteen-chars-k", AdminKey, "Hub__FunctionKey is missing or shorter than 16 characters")]
    [InlineData(FunctionKey, "short", "Hub__AdminKey is missing or shorter than 16 characters")]
    [InlineData(FunctionKey, " ", "Hub__AdminKey is missing or shorter than 16 characters")]
    [InlineData("long-enough-same-key-00001", "long-enough-same-key-00001", "Hub__AdminKey must differ from Hub__FunctionKey")]
    public void Validate_BadKeys_FailsNamingTheSetting(string functionKey, string adminKey, string expected)
    {
        var options = new HubOptions { FunctionKey = functionKey, AdminKey = adminKey };

        var result = new HubOptionsValidator().Validate(null, options);

        Assert.StartsWith(expected, Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("7071")]
    [InlineData("127.0.0.1:7071")]
    [InlineData("ftp://127.0.0.1:7071")]
    [InlineData("")]
    public void Validate_MalformedUrls_FailsNamingTheSetting(string urls)
    {
        var options = new HubOptions { FunctionKey = FunctionKey, AdminKey = AdminKey, Urls = urls };

        var result = new HubOptionsValidator().Validate(null, options);

        Assert.StartsWith("Hub__Urls must be an http(s) URL", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_HttpsUrl_Succeeds()
    {
        var options = new HubOptions { FunctionKey = FunctionKey, AdminKey = AdminKey, Urls = "https://localhost:7072" };

        Assert.True(new HubOptionsValidator().Validate(null, options).Succeeded);
    }
}

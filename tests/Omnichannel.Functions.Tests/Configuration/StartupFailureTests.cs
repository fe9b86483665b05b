using Microsoft.Extensions.Options;
using Omnichannel.Hosting.Configuration;

namespace Omnichannel.Functions.Tests.Configuration;

public sealed class StartupFailureTests
{
    [Fact]
    public void ConfigurationError_OptionsValidationException_OneLineOfEveryFailure()
    {
        var exception = Failed("Orders__AlertsQueue must be a queue name.", "Orders__Fulfilment__wh__Url must be an absolute http(s) URL.");

        var line = StartupFailure.ConfigurationError(exception);

        Assert.Equal("Configuration error: Orders__AlertsQueue must be a queue name. Orders__Fulfilment__wh__Url must be an absolute http(s) URL.", line);
    }

    [Fact]
    public void ConfigurationError_AggregateOfOptionsValidationExceptions_OneLineOfEveryFailureOfEach()
    {
        var exception = new AggregateException(
            Failed("Orders__AlertsQueue must be a queue name.", "Orders__ClaimTimeout must be positive."),
            Failed("Ledger__Table must be a table name."));

        var line = StartupFailure.ConfigurationError(exception);

        Assert.Equal("Configuration error: Orders__AlertsQueue must be a queue name. Orders__ClaimTimeout must be positive. Ledger__Table must be a table name.", line);
    }

    [Fact]
    public void ConfigurationError_SettingException_OneLineOfItsMessage()
    {
        var exception = new SettingException("AzureWebJobsStorage", "must be a storage connection string.");

        var line = StartupFailure.ConfigurationError(exception);

        Assert.Equal("Configuration error: Setting 'AzureWebJobsStorage' must be a storage connection string.", line);
    }

    [Fact]
    public void ConfigurationError_AggregateWithAnotherException_Null()
    {
        var exception = new AggregateException(Failed("Orders__AlertsQueue must be a queue name."), new InvalidOperationException("not a setting"));

        Assert.Null(StartupFailure.ConfigurationError(exception));
    }

    [Fact]
    public void ConfigurationError_AnyOtherException_Null()
    {
        Assert.Null(StartupFailure.ConfigurationError(new InvalidOperationException("Configuration is missing the 'HostEndpoint' information.")));
    }

    private static OptionsValidationException Failed(params string[] failures) =>
        new(Options.DefaultName, typeof(object), failures);
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Omnichannel.Ledger.Tests.Configuration;

public sealed class LedgerStartupTests
{
    [Fact]
    public async Task StartAsync_BadLedgerSetting_FailsNamingTheSetting()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(LedgerHarness.UniqueSettings(new Dictionary<string, string?>
        {
            ["Ledger:StockTable"] = "no_underscores",
            ["Ledger:AlertWebhookUrl"] = "https://alerts.example.test/hook",
        }));
        builder.Services.AddSingleton(await Omnichannel.Testing.Azurite.AccountAsync());
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddLedger(builder.Configuration);
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Ledger__StockTable must be", error.Message, StringComparison.Ordinal);
        Assert.Contains("Ledger__AlertWebhookSecret is required", error.Message, StringComparison.Ordinal);
    }
}

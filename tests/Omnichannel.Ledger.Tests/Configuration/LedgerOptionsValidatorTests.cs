using Omnichannel.Ledger.Configuration;

namespace Omnichannel.Ledger.Tests.Configuration;

public sealed class LedgerOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeed()
    {
        Assert.True(new LedgerOptionsValidator().Validate(null, new LedgerOptions()).Succeeded);
    }

    [Fact]
    public void Validate_BadNamesAndWebhookWithoutSecret_FailNamingEachSetting()
    {
        var result = new LedgerOptionsValidator().Validate(null, new LedgerOptions
        {
            StockTable = "bad-name",
            StockChangedQueue = "Upper",
            AlertWebhookUrl = new Uri("https://example.test/hook"),
        });

        Assert.True(result.Failed);
        Assert.Contains("Ledger__StockTable must be", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Ledger__StockChangedQueue must be", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Ledger__AlertWebhookSecret is required", result.FailureMessage, StringComparison.Ordinal);
    }
}

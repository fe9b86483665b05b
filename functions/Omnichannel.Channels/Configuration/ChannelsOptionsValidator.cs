using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Omnichannel.Channels.Ingestion;
using Omnichannel.Channels.Outbound;
using Omnichannel.Hosting.Configuration;
using Omnichannel.Storage.Naming;

namespace Omnichannel.Channels.Configuration;

/// <summary>
/// Checks the <c>Channels:Ingestion</c> settings and every configured account (<c>Channels:{channel}:{store}</c>)
/// at start-up, so a bad account stops the host instead of failing its first call; each failure names its app
/// setting (<c>Channels__shopify__main__BaseUrl</c>). An account's own checks live in <see cref="ChannelAccount"/>
/// and the adapters (<see cref="IChannelStockBatchApi.MaxQuantitiesPerCall"/>); this runs each of them once.
/// </summary>
internal sealed class ChannelsOptionsValidator(ChannelAccounts accounts, IServiceProvider services) : IValidateOptions<ChannelsOptions>
{
    /// <summary>Account settings read as numbers or time spans; checked when present.</summary>
    private static readonly string[] Numbers = ["RequestsPerSecond", "Burst", "PageSize"];

    public ValidateOptionsResult Validate(string? name, ChannelsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new OptionsFailures(ChannelsOptions.Section);
        failures.Range(nameof(options.MaxBodyBytes), options.MaxBodyBytes, 1024, 64 * 1024 * 1024);
        failures.Check(nameof(options.ArchiveContainer), StorageNames.CheckContainer(options.ArchiveContainer));
        failures.Check(nameof(options.OrderQueue), StorageNames.CheckQueue(options.OrderQueue));
        failures.Check(nameof(options.DeliveryQueue), StorageNames.CheckQueue(options.DeliveryQueue));
        failures.Check(nameof(options.DedupeTable), StorageNames.CheckTable(options.DedupeTable));
        failures.Check(nameof(options.QuarantineTable), StorageNames.CheckTable(options.QuarantineTable));
        failures.Check(nameof(options.CursorTable), StorageNames.CheckTable(options.CursorTable));
        failures.Positive(nameof(options.SignatureTolerance), options.SignatureTolerance);
        failures.Range(nameof(options.RedeliveryGrace), options.RedeliveryGrace, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        ValidateAccounts(failures);
        return failures.Result();
    }

    private void ValidateAccounts(OptionsFailures failures)
    {
        // Resolved here, not injected: the webhook adapters depend on IOptions<ChannelsOptions>, which this validator is part of.
        var inbound = services.GetServices<IWebhookAdapter>().Select(a => a.Name);
        var outbound = services.GetServices<IChannelApi>().Select(a => a.Adapter);
        var known = inbound.Concat(outbound).Select(a => a.ToLowerInvariant()).Distinct().Order(StringComparer.Ordinal).ToList();
        var batches = services.GetServices<IChannelStockBatchApi>().ToList();
        foreach (var account in accounts.All())
        {
            if (!known.Contains(account.Adapter))
            {
                failures.AddPath(account.Path("Adapter"), $"must name a known adapter ({string.Join(", ", known)}); the account's adapter is '{account.Adapter}'.");
                continue;
            }

            if (account["BaseUrl"] is not null)
            {
                Run(failures, () => _ = account.BaseUrl);
            }

            Run(failures, () => _ = account.TimeSpanOr("MaxAge", TimeSpan.FromMinutes(5)));
            foreach (var number in Numbers)
            {
                Run(failures, () => _ = account.DoubleOr(number, 1));
            }

            if (account["Poll"] is { } poll && !bool.TryParse(poll, out _))
            {
                failures.AddPath(account.Path("Poll"), $"must be true or false (was '{poll}').");
            }

            if (string.Equals(account["Authentication"], "basic", StringComparison.OrdinalIgnoreCase) && account["BasicUser"] is null)
            {
                failures.AddPath(account.Path("BasicUser"), $"is required when {SettingNames.AppSetting(account.Path("Authentication"))} is basic.");
            }

            foreach (var batch in batches.Where(b => string.Equals(b.Adapter, account.Adapter, StringComparison.OrdinalIgnoreCase)))
            {
                Run(failures, () => _ = batch.MaxQuantitiesPerCall(account));
            }
        }
    }

    private static void Run(OptionsFailures failures, Action check)
    {
        try
        {
            check();
        }
        catch (SettingException e)
        {
            failures.AddPath(e.Setting, e.Expected);
        }
    }
}

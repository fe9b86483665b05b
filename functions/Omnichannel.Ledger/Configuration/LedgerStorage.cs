using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.Options;
using Omnichannel.Storage.Connection;
using Omnichannel.Storage.Errors;

namespace Omnichannel.Ledger.Configuration;

/// <summary>The ledger's tables and queues, named by <see cref="LedgerOptions"/>, created once per instance on first use.</summary>
public sealed class LedgerStorage
{
    private readonly CreateOnce _created;

    public LedgerStorage(StorageAccount account, IOptions<LedgerOptions> options)
    {
        var o = options.Value;
        Stock = account.Tables.GetTableClient(o.StockTable);
        Catalogue = account.Tables.GetTableClient(o.CatalogueTable);
        Sales = account.Tables.GetTableClient(o.SalesTable);
        Alerts = account.Queues.GetQueueClient(o.AlertsQueue);
        AlertWebhook = account.Queues.GetQueueClient(o.AlertWebhookQueue);
        StockChanged = account.Queues.GetQueueClient(o.StockChangedQueue);
        StockChangedCopy = account.Queues.GetQueueClient(o.StockChangedCopyQueue);
        WebhookEnabled = o.AlertWebhookUrl is not null;
        _created = new CreateOnce(CreateAsync);
    }

    public TableClient Stock { get; }

    public TableClient Catalogue { get; }

    public TableClient Sales { get; }

    public QueueClient Alerts { get; }

    public QueueClient AlertWebhook { get; }

    public QueueClient StockChanged { get; }

    public QueueClient StockChangedCopy { get; }

    private bool WebhookEnabled { get; }

    /// <summary>Creates the tables and queues if needed; a failed attempt is retried by the next caller.</summary>
    public Task EnsureCreatedAsync() => _created.EnsureAsync();

    private async Task CreateAsync()
    {
        var tasks = new List<Task>
        {
            StorageCall.RunAsync(() => Stock.CreateIfNotExistsAsync()),
            StorageCall.RunAsync(() => Catalogue.CreateIfNotExistsAsync()),
            StorageCall.RunAsync(() => Sales.CreateIfNotExistsAsync()),
            StorageCall.RunAsync(() => Alerts.CreateIfNotExistsAsync()),
            StorageCall.RunAsync(() => StockChanged.CreateIfNotExistsAsync()),
            StorageCall.RunAsync(() => StockChangedCopy.CreateIfNotExistsAsync()),
        };
        if (WebhookEnabled)
        {
            tasks.Add(StorageCall.RunAsync(() => AlertWebhook.CreateIfNotExistsAsync()));
        }

        await Task.WhenAll(tasks);
    }
}

using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Omnichannel.Hosting.Configuration;
using Omnichannel.Storage.Telemetry;

namespace Omnichannel.Storage.Connection;

/// <summary>
/// The hub's storage account: one client per service, each counting its requests. Built from the same
/// setting the Functions host uses, <c>AzureWebJobsStorage</c>: either a connection string (local, Azurite)
/// or identity-based (<c>AzureWebJobsStorage__accountName</c>, optionally <c>__clientId</c> for a
/// user-assigned managed identity), so Azure deployments need no keys.
/// </summary>
public sealed class StorageAccount
{
    public const string SettingName = "AzureWebJobsStorage";
    public const string DevelopmentStorage = "UseDevelopmentStorage=true";

    private StorageAccount(TableServiceClient tables, QueueServiceClient queues, BlobServiceClient blobs, StorageRequestCounter requests, string description)
    {
        Tables = tables;
        Queues = queues;
        Blobs = blobs;
        Requests = requests;
        Description = description;
    }

    public TableServiceClient Tables { get; }

    public QueueServiceClient Queues { get; }

    public BlobServiceClient Blobs { get; }

    public StorageRequestCounter Requests { get; }

    /// <summary>Where the account is, without secrets, for logs and the health report.</summary>
    public string Description { get; }

    public static StorageAccount FromConnectionString(string connectionString)
    {
        var requests = new StorageRequestCounter();
        var blobs = new BlobServiceClient(connectionString, Counted(new BlobClientOptions(), requests, StorageService.Blob));
        return new StorageAccount(
            new TableServiceClient(connectionString, Counted(new TableClientOptions(), requests, StorageService.Table)),
            new QueueServiceClient(connectionString, QueueOptions(requests)),
            blobs,
            requests,
            $"account '{blobs.AccountName}' at {blobs.Uri.Host}:{blobs.Uri.Port}");
    }

    public static StorageAccount FromIdentity(string accountName, TokenCredential credential)
    {
        var requests = new StorageRequestCounter();
        return new StorageAccount(
            new TableServiceClient(new Uri($"https://{accountName}.table.core.windows.net"), credential, Counted(new TableClientOptions(), requests, StorageService.Table)),
            new QueueServiceClient(new Uri($"https://{accountName}.queue.core.windows.net"), credential, QueueOptions(requests)),
            new BlobServiceClient(new Uri($"https://{accountName}.blob.core.windows.net"), credential, Counted(new BlobClientOptions(), requests, StorageService.Blob)),
            requests,
            $"account '{accountName}' (managed identity)");
    }

    /// <summary>
    /// Reads <c>AzureWebJobsStorage</c> as the Functions host does. Throws <see cref="InvalidOperationException"/>
    /// naming the setting when neither form is present.
    /// </summary>
    public static StorageAccount FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var connectionString = configuration[SettingName];
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            try
            {
                return FromConnectionString(connectionString);
            }
            catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
            {
                throw new SettingException(SettingName, $"is not a valid storage connection string ({e.Message.Split('\n')[0].Trim()}).", e);
            }
        }

        var section = configuration.GetSection(SettingName);
        var accountName = section["accountName"];
        if (string.IsNullOrWhiteSpace(accountName))
        {
            throw new SettingException(
                SettingName,
                $"is missing: set it to a storage connection string ('{DevelopmentStorage}' for the local emulator) or set '{SettingName}__accountName' for a managed identity.");
        }

        var clientId = section["clientId"];
        TokenCredential credential = string.IsNullOrWhiteSpace(clientId)
            ? new DefaultAzureCredential()
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
        return FromIdentity(accountName, credential);
    }

    private static QueueClientOptions QueueOptions(StorageRequestCounter requests)
    {
        // Base64 is what the Functions queue trigger expects, so messages stay readable by the host.
        var options = Counted(new QueueClientOptions(), requests, StorageService.Queue);
        options.MessageEncoding = QueueMessageEncoding.Base64;
        return options;
    }

    private static T Counted<T>(T options, StorageRequestCounter requests, StorageService service)
        where T : ClientOptions
    {
        requests.CountOn(options, service);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(30);
        return options;
    }
}

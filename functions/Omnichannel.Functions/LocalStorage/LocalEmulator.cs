using Omnichannel.Functions.Configuration;
using Omnichannel.Functions.Diagnostics;
using Omnichannel.Storage.Connection;
using Omnichannel.Storage.Emulator;

namespace Omnichannel.Functions.LocalStorage;

/// <summary>
/// When the storage setting is the local emulator (<c>UseDevelopmentStorage=true</c>) and nothing listens on
/// 127.0.0.1:10000-10002, installs and starts Azurite before anything touches storage, and stops it on
/// exit. Registered first among the hosted services for that reason.
/// </summary>
internal sealed class LocalEmulator(IConfiguration configuration, Microsoft.Extensions.Options.IOptions<HubOptions> options, ILogger<LocalEmulator> logger) : IHostedService
{
    private AzuriteProcess? _azurite;

    public static bool IsWanted(IConfiguration configuration) =>
        string.Equals(configuration[StorageAccount.SettingName]?.Trim().TrimEnd(';'), StorageAccount.DevelopmentStorage, StringComparison.OrdinalIgnoreCase);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!IsWanted(configuration) || options.Value.UnderFunctionsHost)
        {
            return;
        }

        var dataFolder = options.Value.EmulatorDataFolder is { Length: > 0 } folder
            ? Path.GetFullPath(folder)
            : Path.Combine(AzuriteLauncher.FindRepositoryRoot(), ".azurite", "data");
        _azurite = await AzuriteLauncher.EnsureRunningAsync(AzuritePorts.Default, dataFolder, cancellationToken);
        if (_azurite.StartedHere)
        {
            Log.EmulatorStarted(logger, AzuritePorts.Default.Blob, AzuritePorts.Default.Table, dataFolder);
        }
        else
        {
            Log.EmulatorFound(logger, AzuritePorts.Default.Blob, AzuritePorts.Default.Table);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_azurite is { StartedHere: true })
        {
            await _azurite.DisposeAsync();
            Log.EmulatorStopped(logger);
        }
    }
}

using Microsoft.Extensions.Options;
using Omnichannel.LocalHost.Configuration;
using Omnichannel.LocalHost.Diagnostics;
using Omnichannel.Storage.Connection;

namespace Omnichannel.LocalHost.LocalStorage;

/// <summary>
/// When the storage setting is the local emulator (<c>UseDevelopmentStorage=true</c>) and nothing listens on
/// 127.0.0.1:10000-10002, installs and starts Azurite before the host starts, so that a failure is one
/// clear line instead of a host start-up error; the caller disposes it on exit.
/// </summary>
internal static class LocalEmulator
{
    public static bool IsWanted(IConfiguration configuration) =>
        string.Equals(configuration[StorageAccount.SettingName]?.Trim().TrimEnd(';'), StorageAccount.DevelopmentStorage, StringComparison.OrdinalIgnoreCase);

    /// <summary>Returns the emulator to stop on exit, or null when none is needed.</summary>
    public static async Task<AzuriteProcess?> StartIfWantedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        var options = services.GetRequiredService<IOptions<HubOptions>>().Value;
        if (!IsWanted(configuration))
        {
            return null;
        }

        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(LocalEmulator));
        var dataFolder = options.EmulatorDataFolder is { Length: > 0 } folder
            ? Path.GetFullPath(folder)
            : Path.Combine(AzuriteLauncher.FindRepositoryRoot(), ".azurite", "data");
        var azurite = await AzuriteLauncher.EnsureRunningAsync(AzuritePorts.Default, dataFolder, cancellationToken);
        if (azurite.StartedHere)
        {
            Log.EmulatorStarted(logger, AzuritePorts.Default.Blob, AzuritePorts.Default.Table, dataFolder);
        }
        else
        {
            Log.EmulatorFound(logger, AzuritePorts.Default.Blob, AzuritePorts.Default.Table);
        }

        return azurite;
    }
}

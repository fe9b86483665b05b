using Microsoft.Extensions.Options;
using Omnichannel.Hosting.Configuration;
using Omnichannel.LocalHost;
using Omnichannel.LocalHost.Functions;
using Omnichannel.LocalHost.LocalStorage;

try
{
    var app = HubApp.Build(args);

    // Checked here, before the host starts, so that a bad setting is one line, not a host error log.
    app.Services.GetRequiredService<IStartupValidator>().Validate();
    await using var emulator = await LocalEmulator.StartIfWantedAsync(app.Services, CancellationToken.None);
    await app.RunAsync();
    if (emulator is { StartedHere: true })
    {
        Console.WriteLine("Stopping Azurite.");
    }

    return 0;
}
catch (AzuriteUnavailableException e)
{
    Console.Error.WriteLine($"Local storage error: {e.Message}");
}
catch (UnsupportedFunctionException e)
{
    Console.Error.WriteLine($"Function error: {e.Message}");
}
catch (Exception e) when (StartupFailure.ConfigurationError(e) is { } line)
{
    Console.Error.WriteLine(line);
}

return 1;

/// <summary>Entry point type, public for WebApplicationFactory in the tests.</summary>
public partial class Program;

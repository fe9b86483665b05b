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
catch (OptionsValidationException e)
{
    Console.Error.WriteLine($"Configuration error: {string.Join(" ", e.Failures)}");
}
catch (AggregateException e) when (e.InnerExceptions.All(i => i is OptionsValidationException))
{
    // Several options classes failed: still one line, every failure of each.
    Console.Error.WriteLine($"Configuration error: {string.Join(" ", e.InnerExceptions.Cast<OptionsValidationException>().SelectMany(i => i.Failures))}");
}
catch (AzuriteUnavailableException e)
{
    Console.Error.WriteLine($"Local storage error: {e.Message}");
}
catch (UnsupportedFunctionException e)
{
    Console.Error.WriteLine($"Function error: {e.Message}");
}
catch (SettingException e)
{
    Console.Error.WriteLine($"Configuration error: {e.Message}");
}

return 1;

/// <summary>Entry point type, public for WebApplicationFactory in the tests.</summary>
public partial class Program;

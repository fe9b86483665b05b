namespace Omnichannel.LocalHost.Configuration;

/// <summary>
/// Settings under <c>Hub</c> (app settings <c>Hub__*</c>). Validated at start-up: a missing or malformed
/// value stops the app with the setting's name.
/// </summary>
public sealed class HubOptions
{
    public const string Section = "Hub";

    /// <summary>
    /// Key for <c>function</c>-level routes when running standalone (header <c>x-functions-key</c> or
    /// <c>?code=</c>). Under the Azure Functions host its own keys apply and this is not used.
    /// </summary>
    public string? FunctionKey { get; set; }

    /// <summary>Key for <c>admin</c>-level routes when running standalone; also accepted on function routes.</summary>
    public string? AdminKey { get; set; }

    /// <summary>Where the standalone server listens. Default <c>http://127.0.0.1:7071</c>, as the Functions host locally.</summary>
    public string Urls { get; set; } = "http://127.0.0.1:7071";

    /// <summary>Folder for the local emulator's data when the hub starts Azurite itself. Default <c>.azurite/data</c> in the repository.</summary>
    public string? EmulatorDataFolder { get; set; }
}

namespace Omnichannel.OperationsConsole;

/// <summary>Settings of the operations console (section <c>Console</c>, app settings <c>Console__*</c>).</summary>
public sealed class ConsoleOptions
{
    public const string Section = "Console";

    /// <summary>
    /// When true (the Bicep template sets it with App Service authentication), the page is served only to a
    /// Microsoft Entra ID user signed in by App Service authentication who holds <see cref="OperatorRole"/>;
    /// others are sent to <see cref="LoginPath"/> (or refused with 403). Default false: locally the page shell is
    /// public and nothing loads without the admin or function key.
    /// </summary>
    public bool RequireSignIn { get; set; }

    /// <summary>The app role an operator must hold (default <c>Hub.Operator</c>, as the template's app registration defines it).</summary>
    public string OperatorRole { get; set; } = "Hub.Operator";

    /// <summary>Where App Service authentication signs a user in (default <c>/.auth/login/aad</c>).</summary>
    public string LoginPath { get; set; } = "/.auth/login/aad";
}

namespace Omnichannel.Hosting.Declarations;

/// <summary>Who may call an HTTP function, as in Azure Functions.</summary>
public enum AuthorizationLevel
{
    /// <summary>No key needed.</summary>
    Anonymous,

    /// <summary>The function key or the admin key.</summary>
    Function,

    /// <summary>The admin (master) key only.</summary>
    Admin,
}

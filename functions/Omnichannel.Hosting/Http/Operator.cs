using Microsoft.AspNetCore.Http;

namespace Omnichannel.Hosting.Http;

/// <summary>
/// Who sent an operations command, for the order's timeline. On Azure, App Service authentication (Microsoft
/// Entra ID) signs the operator in and passes their name in <c>X-MS-CLIENT-PRINCIPAL-NAME</c> (the platform drops
/// that header when a client sends it, so it cannot be forged past it); otherwise the caller may name themselves
/// in <c>X-Hub-Operator</c> (the console sends the name given with the key), else the caller is only "a key holder".
/// </summary>
public static class Operator
{
    public const string PrincipalNameHeader = "X-MS-CLIENT-PRINCIPAL-NAME";
    public const string OperatorHeader = "X-Hub-Operator";
    public const string KeyHolder = "key holder";
    public const int MaxLength = 100;

    public static string Name(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Clean(request.Headers[PrincipalNameHeader].ToString()) is { } signedIn)
        {
            return signedIn;
        }

        return Clean(request.Headers[OperatorHeader].ToString()) is { } named ? $"{named} (key)" : KeyHolder;
    }

    private static string? Clean(string value)
    {
        var trimmed = value.Trim();
        return trimmed.Length == 0 || trimmed.Length > MaxLength || trimmed.Any(char.IsControl) ? null : trimmed;
    }
}

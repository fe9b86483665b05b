using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Omnichannel.OperationsConsole.Access;

/// <summary>
/// The user App Service authentication signed in, from the <c>X-MS-CLIENT-PRINCIPAL</c> header it adds (base64 JSON:
/// <c>auth_typ</c>, <c>name_typ</c>, <c>role_typ</c>, <c>claims</c>). The platform removes that header from what a
/// client sends, so its presence on Azure means the platform put it there.
/// </summary>
public sealed record OperatorPrincipal(string Name, IReadOnlyList<string> Roles)
{
    public const string Header = "X-MS-CLIENT-PRINCIPAL";

    public static OperatorPrincipal? From(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var encoded = request.Headers[Header].ToString();
        if (encoded.Length == 0)
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(encoded)));
            var root = json.RootElement;
            var roleType = root.TryGetProperty("role_typ", out var r) ? r.GetString() : null;
            var nameType = root.TryGetProperty("name_typ", out var n) ? n.GetString() : null;
            var claims = root.TryGetProperty("claims", out var c) && c.ValueKind == JsonValueKind.Array
                ? c.EnumerateArray().Select(x => (Type: x.GetProperty("typ").GetString(), Value: x.GetProperty("val").GetString())).ToList()
                : [];
            var roles = claims.Where(x => x.Type == roleType || x.Type == "roles").Select(x => x.Value!).Where(v => v is not null).Distinct(StringComparer.Ordinal).ToList();
            var name = claims.FirstOrDefault(x => x.Type == nameType).Value
                ?? request.Headers[Hosting.Http.Operator.PrincipalNameHeader].ToString();
            return new OperatorPrincipal(name ?? string.Empty, roles);
        }
        catch (Exception e) when (e is FormatException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }

    public bool HasRole(string role) => Roles.Contains(role, StringComparer.Ordinal);
}

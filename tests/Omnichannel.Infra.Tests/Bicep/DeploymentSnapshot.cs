using System.Text.Json.Nodes;

namespace Omnichannel.Infra.Tests.Bicep;

/// <summary>
/// The output of <c>bicep snapshot</c>: the resources a deployment would create, with every nested module
/// flattened and every expression evaluated that does not depend on a deployed resource (those stay as
/// ARM expression strings starting with '[').
/// </summary>
public sealed class DeploymentSnapshot(JsonObject root)
{
    public JsonObject Root { get; } = root;

    public IReadOnlyList<JsonObject> Resources =>
        Root["predictedResources"]!.AsArray().Select(r => r!.AsObject()).ToList();

    public JsonArray Diagnostics => Root["diagnostics"]!.AsArray();

    public JsonObject Outputs => Root["outputs"]!.AsObject();

    public IReadOnlyList<JsonObject> OfType(string type) =>
        Resources.Where(r => string.Equals((string?)r["type"], type, StringComparison.OrdinalIgnoreCase)).ToList();

    public JsonObject Single(string type) => Assert.Single(OfType(type));

    /// <summary>The app settings of the (single) function app, by name.</summary>
    public IReadOnlyDictionary<string, string> AppSettings()
    {
        var settings = Single("Microsoft.Web/sites")["properties"]!["siteConfig"]!["appSettings"]!.AsArray();
        return settings.ToDictionary(s => (string)s!["name"]!, s => (string)s!["value"]!, StringComparer.Ordinal);
    }

    public static bool IsExpression(string value) => value.StartsWith('[') && value.EndsWith(']');
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace Omnichannel.Hosting.Json;

/// <summary>
/// The one JSON convention of the hub's own formats: web casing (camelCase, read case-insensitively, numbers
/// readable from strings) and enums as their names. <see cref="Options"/> (stored rows and queue messages) also
/// leaves nulls out; <see cref="Http"/> (HTTP request and response bodies, a public contract) writes them.
/// Partner-facing formats (CloudEvents data, the fulfilment and alert webhooks) do not use these: each declares
/// its own options next to its contract, so a change here cannot change a partner's wire format.
/// </summary>
public static class HubJson
{
    /// <summary>Stored rows and queue messages: <see cref="Http"/> without nulls.</summary>
    public static JsonSerializerOptions Options { get; } = Create(JsonIgnoreCondition.WhenWritingNull);

    /// <summary>HTTP bodies (what <see cref="ConfigureHttp"/> makes of the host's options).</summary>
    public static JsonSerializerOptions Http { get; } = Create(JsonIgnoreCondition.Never);

    /// <summary>Applies the hub's convention to the host's HTTP options (which start from the web defaults).</summary>
    public static void ConfigureHttp(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Converters.Add(new JsonStringEnumConverter());
    }

    private static JsonSerializerOptions Create(JsonIgnoreCondition ignore)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = ignore };
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

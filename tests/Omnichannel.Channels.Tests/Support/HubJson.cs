using System.Text.Json;
using System.Text.Json.Serialization;

namespace Omnichannel.Channels.Tests.Support;

/// <summary>The hub's JSON settings (web defaults, enums as strings).</summary>
public static class HubJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
}

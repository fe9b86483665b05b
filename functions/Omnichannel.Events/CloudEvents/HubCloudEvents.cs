using System.Text.Json;
using Azure.Messaging;
using Omnichannel.Events.Model;

namespace Omnichannel.Events.CloudEvents;

/// <summary>
/// A <see cref="HubEvent"/> as a CloudEvent 1.0 (<see cref="CloudEvent"/> of Azure.Core): <c>id</c>, <c>type</c>,
/// <c>source</c> (<c>Events:Source</c>), <c>subject</c>, <c>time</c>, <c>datacontenttype</c> application/json and the
/// data as JSON. <see cref="ToJson"/> is the structured-mode body every destination sends.
/// </summary>
public static class HubCloudEvents
{
    public const string ContentType = "application/cloudevents+json";

    public static CloudEvent From(HubEvent e, string source)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new CloudEvent(source, e.Type, BinaryData.FromString(e.Data.GetRawText()), "application/json", CloudEventDataFormat.Json)
        {
            Id = e.Id,
            Subject = e.Subject,
            Time = e.Time,
        };
    }

    /// <summary>The structured-mode JSON of the event (what a webhook receives, the body of a Service Bus message).</summary>
    public static BinaryData ToJson(HubEvent e, string source) => BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(From(e, source)));
}

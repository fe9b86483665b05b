using Omnichannel.Events.Model;

namespace Omnichannel.Events.Schemas;

/// <summary>The JSON Schema (draft 2020-12) of each event type's data, embedded from Schemas/{type}.json.</summary>
public static class EventSchemas
{
    /// <summary>The schema text of <paramref name="type"/> (one of <see cref="EventTypes"/>).</summary>
    public static string Read(string type)
    {
        using var stream = typeof(EventSchemas).Assembly.GetManifestResourceStream($"Omnichannel.Events.Schemas.{type}.json")
            ?? throw new ArgumentException($"No schema for event type '{type}'.", nameof(type));
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

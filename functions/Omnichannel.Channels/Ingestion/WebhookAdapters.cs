namespace Omnichannel.Channels.Ingestion;

/// <summary>Every registered inbound adapter, by name.</summary>
public sealed class WebhookAdapters(IEnumerable<IWebhookAdapter> adapters)
{
    private readonly Dictionary<string, IWebhookAdapter> _byName = adapters.ToDictionary(a => a.Name, StringComparer.OrdinalIgnoreCase);

    public IWebhookAdapter? Find(string name) => _byName.GetValueOrDefault(name);
}

namespace Omnichannel.Hosting.Configuration;

/// <summary>
/// A setting's name as an app setting (environment variable) spells it: the configuration path with <c>__</c> for
/// <c>:</c>, e.g. section <c>Channels:Ingestion</c> and property <c>DeliveryQueue</c> give <c>Channels__Ingestion__DeliveryQueue</c>.
/// </summary>
public static class SettingNames
{
    /// <summary>The app setting of <paramref name="name"/> (a property, or a path below it) in <paramref name="section"/>.</summary>
    public static string AppSetting(string section, string name) => AppSetting($"{section}:{name}");

    /// <summary>The app setting of a configuration path such as <c>Orders:Fulfilment:wh:Url</c>.</summary>
    public static string AppSetting(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path.Replace(":", "__", StringComparison.Ordinal);
    }
}

using System.Text.Json;
using Omnichannel.Hosting.Configuration;

namespace Omnichannel.LocalHost.Configuration;

/// <summary>
/// Reads the <c>Values</c> of <c>local.settings.json</c> (or, on a fresh clone, <c>local.settings.sample.json</c>)
/// as the Functions tooling does locally, with <c>__</c> meaning a section separator. These are the lowest
/// precedence: environment variables and command-line arguments override them.
/// </summary>
public static class LocalSettings
{
    public static IConfigurationBuilder AddLocalSettings(this IConfigurationBuilder configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var file = Find();
        if (file is null)
        {
            return configuration;
        }

        var values = Read(file);
        configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource { InitialData = values });
        return configuration;
    }

    /// <summary>The settings file to use, searching up from the app and the working directory.</summary>
    public static string? Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                foreach (var name in new[] { "local.settings.json", "local.settings.sample.json" })
                {
                    var path = Path.Combine(dir.FullName, name);
                    if (File.Exists(path))
                    {
                        return path;
                    }
                }
            }
        }

        return null;
    }

    private static Dictionary<string, string?> Read(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            if (document.RootElement.TryGetProperty("Values", out var section) && section.ValueKind == JsonValueKind.Object)
            {
                foreach (var setting in section.EnumerateObject())
                {
                    values[setting.Name.Replace("__", ":", StringComparison.Ordinal)] =
                        setting.Value.ValueKind == JsonValueKind.String ? setting.Value.GetString() : setting.Value.GetRawText();
                }
            }

            return values;
        }
        catch (JsonException e)
        {
            throw new SettingException(Path.GetFileName(path), $"is not valid JSON (line {e.LineNumber + 1}): fix it, or delete local.settings.json to use the sample's defaults.", e);
        }
    }
}

namespace Omnichannel.Storage.Naming;

/// <summary>
/// Azure Storage's naming rules for queues, tables and blob containers, checked by every feature's options
/// validator. Each check returns what is wrong (to follow the setting's name in a message), or null when valid.
/// </summary>
public static class StorageNames
{
    /// <summary>A queue: 3-63 lower-case letters, digits and hyphens; starts and ends with a letter or digit; no two hyphens in a row.</summary>
    public static string? CheckQueue(string? name) =>
        IsQueueOrContainerName(name) ? null : $"must be a queue name: 3-63 lower-case letters, digits and single hyphens, starting and ending with a letter or digit (was '{name}').";

    /// <summary>A blob container: the same rules as a queue.</summary>
    public static string? CheckContainer(string? name) =>
        IsQueueOrContainerName(name) ? null : $"must be a container name: 3-63 lower-case letters, digits and single hyphens, starting and ending with a letter or digit (was '{name}').";

    /// <summary>A table: 3-63 letters and digits, starting with a letter; not the reserved name <c>tables</c>.</summary>
    public static string? CheckTable(string? name) =>
        IsTableName(name) ? null : $"must be a table name: 3-63 letters and digits, starting with a letter, not 'tables' (was '{name}').";

    public static bool IsQueueName(string? name) => IsQueueOrContainerName(name);

    public static bool IsContainerName(string? name) => IsQueueOrContainerName(name);

    public static bool IsTableName(string? name) =>
        name is { Length: >= 3 and <= 63 }
        && char.IsAsciiLetter(name[0])
        && name.All(char.IsAsciiLetterOrDigit)
        && !name.Equals("tables", StringComparison.OrdinalIgnoreCase);

    private static bool IsQueueOrContainerName(string? name) =>
        name is { Length: >= 3 and <= 63 }
        && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
        && name[0] != '-'
        && name[^1] != '-'
        && !name.Contains("--", StringComparison.Ordinal);
}

using System.Runtime.CompilerServices;

namespace Omnichannel.Testing;

/// <summary>
/// Names for tables, queues, containers and instance ids that no other test uses, so tests run in
/// parallel and never see each other's leftovers. Valid for every storage service: lower-case letters
/// and digits, starting with a letter, at most 40 characters.
/// </summary>
public static class Unique
{
    public static string Name(string prefix = "t")
    {
        var letters = new string(prefix.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(20).ToArray());
        if (letters.Length == 0 || !char.IsAsciiLetter(letters[0]))
        {
            letters = "t" + letters;
        }

        return letters + Guid.NewGuid().ToString("N")[..16];
    }

    /// <summary>A name carrying the calling test's name, to find its data when a test fails.</summary>
    public static string For([CallerMemberName] string test = "") => Name(test.Length > 12 ? test[..12] : test);
}

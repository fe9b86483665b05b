namespace Omnichannel.Channels.Model;

/// <summary>
/// Masks personal data for logs: enough to tell two buyers apart when debugging, never enough to identify
/// one. Names become initials, e-mails keep the first letter and the domain, addresses keep the country.
/// </summary>
public static class PersonalData
{
    public static string Mask(Party? party) =>
        party is null ? "-" : $"{Initials(party.Name)} {MaskEmail(party.Email)}".Trim();

    public static string Mask(Address? address) =>
        address is null ? "-" : $"{Initials(address.Name)} ***, {address.CountryCode ?? "??"}".Trim();

    public static string MaskEmail(string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return string.Empty;
        }

        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at <= 0 ? "***" : $"{email[0]}***{email[at..]}";
    }

    private static string Initials(string? name) =>
        string.IsNullOrWhiteSpace(name)
            ? string.Empty
            : string.Concat(name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => $"{p[0]}."));
}

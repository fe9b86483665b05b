namespace Omnichannel.Channels.Ingestion;

public enum SignatureOutcome
{
    Valid,

    /// <summary>No signature (or no secret configured to check it against).</summary>
    Missing,

    /// <summary>The signature does not match the body: tampered or signed with another secret.</summary>
    Invalid,

    /// <summary>Signed, but the signed timestamp is outside the allowed age.</summary>
    Stale,
}

/// <summary>The result of a signature check; <see cref="Reason"/> is for logs and never holds a secret.</summary>
public sealed record SignatureCheck(SignatureOutcome Outcome, string Reason)
{
    public static readonly SignatureCheck Valid = new(SignatureOutcome.Valid, "valid");

    public bool IsValid => Outcome == SignatureOutcome.Valid;

    public static SignatureCheck Missing(string reason) => new(SignatureOutcome.Missing, reason);

    public static SignatureCheck Invalid(string reason) => new(SignatureOutcome.Invalid, reason);

    public static SignatureCheck Stale(string reason) => new(SignatureOutcome.Stale, reason);

    /// <summary>Valid when <paramref name="matches"/>, else invalid.</summary>
    public static SignatureCheck From(bool matches) => matches ? Valid : Invalid("signature does not match the body");
}

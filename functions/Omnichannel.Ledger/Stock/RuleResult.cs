namespace Omnichannel.Ledger.Stock;

/// <summary>New balances of the touched locations and the on-hand difference, or a rejection.</summary>
internal sealed record RuleResult(IReadOnlyDictionary<string, BalanceState> Changed, int Difference, LedgerRejection? Rejection);

using Omnichannel.Ledger.Stock;

namespace Omnichannel.Ledger.Tests.Stock;

public sealed class MovementRulesTests
{
    private static readonly Dictionary<string, BalanceState> Stock = new()
    {
        ["wh"] = new BalanceState(OnHand: 10, Reserved: 4, Incoming: 5),
        ["store"] = new BalanceState(OnHand: 3),
    };

    [Theory]
    [InlineData(MovementKind.Receipt, 3, 13, 4, 2, 3)]
    [InlineData(MovementKind.Expect, 2, 10, 4, 7, 0)]
    [InlineData(MovementKind.Adjustment, -10, 0, 4, 5, -10)]
    [InlineData(MovementKind.Count, 8, 8, 4, 5, -2)]
    [InlineData(MovementKind.PosSale, 12, -2, 4, 5, -12)]
    [InlineData(MovementKind.Reserve, 6, 10, 10, 5, 0)]
    [InlineData(MovementKind.Release, 4, 10, 0, 5, 0)]
    [InlineData(MovementKind.Ship, 4, 6, 0, 5, -4)]
    public void Apply_AllowedMovement_ChangesTheLocation(MovementKind kind, int quantity, int onHand, int reserved, int incoming, int difference)
    {
        var result = MovementRules.Apply(new MovementCommand("S", kind, "wh", quantity, "k", Reason: "r"), Stock, safetyStock: 0);

        Assert.Null(result.Rejection);
        var after = result.Changed["wh"];
        Assert.Equal((onHand, reserved, incoming, difference), (after.OnHand, after.Reserved, after.Incoming, result.Difference));
    }

    [Theory]
    [InlineData(MovementKind.Adjustment, -11, RejectionReason.InsufficientStock, 11)]
    [InlineData(MovementKind.Reserve, 7, RejectionReason.InsufficientStock, 6)]
    [InlineData(MovementKind.Release, 5, RejectionReason.InsufficientReserved, 4)]
    [InlineData(MovementKind.Ship, 5, RejectionReason.InsufficientReserved, 4)]
    [InlineData(MovementKind.TransferOut, 7, RejectionReason.InsufficientStock, 6)]
    [InlineData(MovementKind.TransferIn, 1, RejectionReason.InsufficientInTransit, 0)]
    public void Apply_TooMuch_RefusedNeverClamped(MovementKind kind, int quantity, RejectionReason reason, int requestedOrAvailable)
    {
        var result = MovementRules.Apply(new MovementCommand("S", kind, "wh", quantity, "k", OtherLocation: "store", Reason: "r"), Stock, safetyStock: 0);

        Assert.Equal(reason, result.Rejection?.Reason);
        Assert.Empty(result.Changed);
        Assert.Contains(requestedOrAvailable, new[] { result.Rejection!.Requested, result.Rejection.Available });
    }

    [Fact]
    public void Apply_ReserveWithinLocationButIntoSafetyStock_Refused()
    {
        var result = MovementRules.Apply(new MovementCommand("S", MovementKind.Reserve, "wh", 6, "k"), Stock, safetyStock: 4);

        Assert.Equal(5, result.Rejection?.Available);
        Assert.Equal(1, result.Rejection?.Shortfall);
    }

    [Fact]
    public void ConsolidatedAvailable_NegativeLocation_NeverBelowZero()
    {
        Assert.Equal(0, MovementRules.ConsolidatedAvailable([new BalanceState(OnHand: -5), new BalanceState(OnHand: 2)], 0));
        Assert.Equal(5, MovementRules.ConsolidatedAvailable(Stock.Values, 4));
    }
}

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

    [Theory]
    [InlineData(MovementKind.Reserve, 6, RejectionReason.InsufficientStock, 6)]
    [InlineData(MovementKind.Release, 4, RejectionReason.InsufficientReserved, 4)]
    [InlineData(MovementKind.Ship, 4, RejectionReason.InsufficientReserved, 4)]
    [InlineData(MovementKind.TransferOut, 6, RejectionReason.InsufficientStock, 6)]
    [InlineData(MovementKind.TransferIn, 2, RejectionReason.InsufficientInTransit, 2)]
    public void Apply_OneMoreThanThere_RefusedWithShortfallOfOneAndNothingChanged(MovementKind kind, int there, RejectionReason reason, int available)
    {
        var balances = Balances(("wh", new BalanceState(OnHand: 10, Reserved: 4, InTransit: 2)), ("store", BalanceState.Empty));
        var before = new Dictionary<string, BalanceState>(balances);

        var exact = MovementRules.Apply(Command(kind, there, other: "store"), balances, safetyStock: 0);
        var oneMore = MovementRules.Apply(Command(kind, there + 1, other: "store"), balances, safetyStock: 0);

        Assert.Null(exact.Rejection);
        Assert.NotEmpty(exact.Changed);
        Assert.Equal(reason, oneMore.Rejection?.Reason);
        Assert.Equal((there + 1, available, 1), (oneMore.Rejection!.Requested, oneMore.Rejection.Available, oneMore.Rejection.Shortfall));
        Assert.Equal(("S", "wh"), (oneMore.Rejection.Sku, oneMore.Rejection.Location));
        Assert.Empty(oneMore.Changed);
        Assert.Equal(0, oneMore.Difference);
        Assert.Equal(before, balances);
    }

    [Fact]
    public void Apply_AdjustmentToExactlyZero_AllowedOneBelowRefused()
    {
        var balances = Balances(("wh", new BalanceState(OnHand: 3)));

        var toZero = MovementRules.Apply(Command(MovementKind.Adjustment, -3), balances, safetyStock: 0);
        var belowZero = MovementRules.Apply(Command(MovementKind.Adjustment, -4), balances, safetyStock: 0);

        Assert.Equal(0, toZero.Changed["wh"].OnHand);
        Assert.Equal(-3, toZero.Difference);
        Assert.Equal(RejectionReason.InsufficientStock, belowZero.Rejection?.Reason);
        Assert.Equal((4, 3, 1), (belowZero.Rejection!.Requested, belowZero.Rejection.Available, belowZero.Rejection.Shortfall));
        Assert.Empty(belowZero.Changed);
    }

    [Fact]
    public void Apply_PositiveAdjustment_RaisesOnHand()
    {
        var result = MovementRules.Apply(Command(MovementKind.Adjustment, 5), Stock, safetyStock: 0);

        Assert.Equal((15, 5), (result.Changed["wh"].OnHand, result.Difference));
    }

    [Fact]
    public void Apply_ReserveWithinLocationButIntoSafetyStock_Refused()
    {
        var result = MovementRules.Apply(new MovementCommand("S", MovementKind.Reserve, "wh", 6, "k"), Stock, safetyStock: 4);

        Assert.Equal(5, result.Rejection?.Available);
        Assert.Equal(1, result.Rejection?.Shortfall);
    }

    [Fact]
    public void Apply_ReserveExactlyDownToSafetyStock_Allowed()
    {
        var result = MovementRules.Apply(Command(MovementKind.Reserve, 5), Stock, safetyStock: 4);

        Assert.Null(result.Rejection);
        Assert.Equal(9, result.Changed["wh"].Reserved);
    }

    [Fact]
    public void Apply_ReserveWhenAnotherLocationIsNegative_LimitedByConsolidated()
    {
        // The store sold at the till beyond its stock: the SKU as a whole has 5, though the warehouse holds 10.
        var balances = Balances(("wh", new BalanceState(OnHand: 10)), ("store", new BalanceState(OnHand: -5)));

        var result = MovementRules.Apply(Command(MovementKind.Reserve, 6), balances, safetyStock: 0);

        Assert.Equal(RejectionReason.InsufficientStock, result.Rejection?.Reason);
        Assert.Equal((6, 5), (result.Rejection!.Requested, result.Rejection.Available));
    }

    [Fact]
    public void Apply_ReserveBeyondTheLocationThoughOthersHaveStock_LimitedByTheLocation()
    {
        var result = MovementRules.Apply(Command(MovementKind.Reserve, 4, location: "store"), Stock, safetyStock: 0);

        Assert.Equal((4, 3), (result.Rejection?.Requested, result.Rejection?.Available));
    }

    [Fact]
    public void Apply_ReserveAtOverReservedLocation_NothingAvailable()
    {
        var balances = Balances(("wh", new BalanceState(OnHand: 2, Reserved: 5)), ("store", new BalanceState(OnHand: 50)));

        var result = MovementRules.Apply(Command(MovementKind.Reserve, 1), balances, safetyStock: 0);

        Assert.Equal((RejectionReason.InsufficientStock, 0), (result.Rejection?.Reason, result.Rejection?.Available));
    }

    [Theory]
    [InlineData(MovementKind.Reserve, RejectionReason.InsufficientStock)]
    [InlineData(MovementKind.Release, RejectionReason.InsufficientReserved)]
    [InlineData(MovementKind.Ship, RejectionReason.InsufficientReserved)]
    [InlineData(MovementKind.TransferOut, RejectionReason.InsufficientStock)]
    [InlineData(MovementKind.TransferIn, RejectionReason.InsufficientInTransit)]
    [InlineData(MovementKind.Adjustment, RejectionReason.InsufficientStock)]
    public void Apply_LocationWithoutBalanceRow_RefusedAgainstZero(MovementKind kind, RejectionReason reason)
    {
        var quantity = kind == MovementKind.Adjustment ? -1 : 1;

        var result = MovementRules.Apply(Command(kind, quantity, location: "new", other: "wh"), Stock, safetyStock: 0);

        Assert.Equal(reason, result.Rejection?.Reason);
        Assert.Equal(0, result.Rejection!.Available);
    }

    [Fact]
    public void Apply_ReceiptAtLocationWithoutBalanceRow_StartsFromZero()
    {
        var result = MovementRules.Apply(Command(MovementKind.Receipt, 4, location: "new"), Stock, safetyStock: 0);

        Assert.Equal(new BalanceState(OnHand: 4), result.Changed["new"]);
        Assert.Equal(4, result.Difference);
        Assert.Single(result.Changed);
    }

    [Fact]
    public void Apply_ReceiptBeyondIncoming_IncomingStopsAtZero()
    {
        var result = MovementRules.Apply(Command(MovementKind.Receipt, 8), Stock, safetyStock: 0);

        Assert.Equal((18, 0), (result.Changed["wh"].OnHand, result.Changed["wh"].Incoming));
    }

    [Fact]
    public void Apply_PosSaleBeyondStock_GoesNegativeNeverRefused()
    {
        var result = MovementRules.Apply(Command(MovementKind.PosSale, 5, location: "store"), Stock, safetyStock: 0);

        Assert.Null(result.Rejection);
        Assert.Equal((-2, -5), (result.Changed["store"].OnHand, result.Difference));
    }

    [Theory]
    [InlineData(0, -10)]
    [InlineData(10, 0)]
    [InlineData(25, 15)]
    public void Apply_Count_SetsOnHandAndRecordsTheDifference(int counted, int difference)
    {
        var balances = Balances(("wh", new BalanceState(OnHand: 10, Reserved: 2, RecountAlerted: true)));

        var result = MovementRules.Apply(Command(MovementKind.Count, counted), balances, safetyStock: 0);

        Assert.Equal(new BalanceState(OnHand: counted, Reserved: 2, RecountAlerted: false), result.Changed["wh"]);
        Assert.Equal(difference, result.Difference);
    }

    [Theory]
    [InlineData(ReturnCondition.Sellable, 5, 0, 2)]
    [InlineData(null, 5, 0, 2)]
    [InlineData(ReturnCondition.Damaged, 3, 2, 0)]
    public void Apply_Return_SellableToOnHandDamagedToUnsellable(ReturnCondition? condition, int onHand, int unsellable, int difference)
    {
        var result = MovementRules.Apply(Command(MovementKind.Return, 2, location: "store", condition: condition), Stock, safetyStock: 0);

        Assert.Equal((onHand, unsellable, difference), (result.Changed["store"].OnHand, result.Changed["store"].Unsellable, result.Difference));
    }

    [Fact]
    public void Apply_TransferOut_OnHandDownHereInTransitUpThere()
    {
        var result = MovementRules.Apply(Command(MovementKind.TransferOut, 6, other: "new"), Stock, safetyStock: 0);

        Assert.Null(result.Rejection);
        Assert.Equal(new BalanceState(OnHand: 4, Reserved: 4, Incoming: 5), result.Changed["wh"]);
        Assert.Equal(new BalanceState(InTransit: 6), result.Changed["new"]);
        Assert.Equal(-6, result.Difference);
    }

    [Fact]
    public void Apply_TransferIn_InTransitDownOnHandUp()
    {
        var balances = Balances(("store", new BalanceState(OnHand: 1, InTransit: 12)));

        var result = MovementRules.Apply(Command(MovementKind.TransferIn, 12, location: "store", other: "wh"), balances, safetyStock: 0);

        Assert.Equal(new BalanceState(OnHand: 13), result.Changed["store"]);
        Assert.Equal(12, result.Difference);
        Assert.Single(result.Changed);
    }

    [Fact]
    public void Apply_UnknownKind_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MovementRules.Apply(Command((MovementKind)99, 1), Stock, safetyStock: 0));
    }

    // Moved from StockLedgerTests.RecordAsync_ReserveThenShip_ConsumesReservationAndOnHand: the arithmetic needs no storage.
    [Fact]
    public void Apply_ReserveThenShip_ConsumesReservationAndOnHand()
    {
        var balances = Balances();
        Run(balances, MovementKind.Receipt, 10);

        var unreserved = MovementRules.Apply(Command(MovementKind.Ship, 1), balances, safetyStock: 0);
        Run(balances, MovementKind.Reserve, 4);
        var shipped = Run(balances, MovementKind.Ship, 3);
        Run(balances, MovementKind.Release, 1);

        Assert.Equal(RejectionReason.InsufficientReserved, unreserved.Rejection?.Reason);
        Assert.Equal(new LocationBalance("wh", 7, 1, 0, 0, 0, 6), shipped.Changed["wh"].ToBalance("wh"));
        Assert.Equal((7, 0, 7), (balances["wh"].OnHand, balances["wh"].Reserved, MovementRules.ConsolidatedAvailable(balances.Values, 0)));
    }

    // Moved from StockLedgerTests.RecordAsync_CountAndReturns_RecordDifferenceAndCondition.
    [Fact]
    public void Apply_CountAndReturns_RecordDifferenceAndCondition()
    {
        var balances = Balances();
        Run(balances, MovementKind.Receipt, 10, "store");

        var count = Run(balances, MovementKind.Count, 7, "store");
        Run(balances, MovementKind.Return, 2, "store", ReturnCondition.Sellable);
        Run(balances, MovementKind.Return, 1, "store", ReturnCondition.Damaged);

        Assert.Equal(-3, count.Difference);
        var store = balances["store"];
        Assert.Equal((9, 1, 9), (store.OnHand, store.Unsellable, MovementRules.ConsolidatedAvailable(balances.Values, 0)));
    }

    [Fact]
    public void ConsolidatedAvailable_NegativeLocation_NeverBelowZero()
    {
        Assert.Equal(0, MovementRules.ConsolidatedAvailable([new BalanceState(OnHand: -5), new BalanceState(OnHand: 2)], 0));
        Assert.Equal(5, MovementRules.ConsolidatedAvailable(Stock.Values, 4));
    }

    [Fact]
    public void ConsolidatedAvailable_SafetyStockAboveStock_Zero()
    {
        Assert.Equal(0, MovementRules.ConsolidatedAvailable(Stock.Values, 10));
        Assert.Equal(0, MovementRules.ConsolidatedAvailable(Stock.Values, 9));
        Assert.Equal(1, MovementRules.ConsolidatedAvailable(Stock.Values, 8));
        Assert.Equal(0, MovementRules.ConsolidatedAvailable([], 0));
    }

    [Theory]
    [InlineData(MovementKind.PosSale, -1, false, true)]
    [InlineData(MovementKind.PosSale, 0, false, false)]
    [InlineData(MovementKind.PosSale, -1, true, false)]
    [InlineData(MovementKind.Adjustment, -1, false, false)]
    [InlineData(MovementKind.Ship, -1, false, false)]
    public void RaisesRecount_OnlyAPosSaleBelowZeroNotYetAlerted(MovementKind kind, int onHandAfter, bool alerted, bool expected)
    {
        Assert.Equal(expected, MovementRules.RaisesRecount(kind, new BalanceState(OnHand: onHandAfter, RecountAlerted: alerted)));
    }

    [Fact]
    public void Apply_MovementsOtherThanCount_KeepTheRecountFlag()
    {
        var balances = Balances(("wh", new BalanceState(OnHand: -2, RecountAlerted: true)));

        var receipt = MovementRules.Apply(Command(MovementKind.Receipt, 5), balances, safetyStock: 0);
        var sale = MovementRules.Apply(Command(MovementKind.PosSale, 1), balances, safetyStock: 0);

        Assert.True(receipt.Changed["wh"].RecountAlerted);
        Assert.False(MovementRules.RaisesRecount(MovementKind.PosSale, sale.Changed["wh"]));
    }

    [Theory]
    [InlineData(4, 5, true)]
    [InlineData(5, 5, false)]
    [InlineData(0, 0, false)]
    [InlineData(0, null, false)]
    public void IsLow_BelowTheReorderPointOnly(int available, int? reorderPoint, bool expected)
    {
        Assert.Equal(expected, MovementRules.IsLow(available, reorderPoint));
    }

    private static MovementCommand Command(MovementKind kind, int quantity, string location = "wh", string? other = null, ReturnCondition? condition = null) =>
        new("S", kind, location, quantity, "k", OtherLocation: other, Reason: kind == MovementKind.Adjustment ? "r" : null, Condition: condition);

    private static Dictionary<string, BalanceState> Balances(params (string Location, BalanceState State)[] rows) =>
        rows.ToDictionary(r => r.Location, r => r.State, StringComparer.Ordinal);

    /// <summary>Applies an allowed movement to <paramref name="balances"/>, as the ledger does before its next one.</summary>
    private static RuleResult Run(Dictionary<string, BalanceState> balances, MovementKind kind, int quantity, string location = "wh", ReturnCondition? condition = null)
    {
        var result = MovementRules.Apply(Command(kind, quantity, location, condition: condition), balances, safetyStock: 0);
        Assert.Null(result.Rejection);
        foreach (var (at, state) in result.Changed)
        {
            balances[at] = state;
        }

        return result;
    }
}

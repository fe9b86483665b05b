using Omnichannel.Hosting.Validation;
using Omnichannel.Ledger.Stock;

namespace Omnichannel.Ledger.Tests.Stock;

/// <summary>The quantity and field rules a movement passes before <see cref="MovementRules"/> sees it.</summary>
public sealed class MovementRequestTests
{
    [Theory]
    [InlineData("reserve", 1, true)]
    [InlineData("reserve", 0, false)]
    [InlineData("reserve", -1, false)]
    [InlineData("receipt", 0, false)]
    [InlineData("ship", -3, false)]
    [InlineData("posSale", 0, false)]
    [InlineData("count", 0, true)]
    [InlineData("count", -1, false)]
    [InlineData("adjustment", -5, true)]
    [InlineData("adjustment", 0, false)]
    [InlineData("adjustment", 5, true)]
    [InlineData("receipt", MovementRequest.MaxQuantity, true)]
    [InlineData("receipt", MovementRequest.MaxQuantity + 1, false)]
    [InlineData("adjustment", -MovementRequest.MaxQuantity, true)]
    [InlineData("adjustment", -MovementRequest.MaxQuantity - 1, false)]
    public void Validate_Quantity_PositiveZeroOrMoreForACountNonZeroForAnAdjustment(string kind, int quantity, bool valid)
    {
        var errors = new FieldErrors();

        var command = Request(kind, quantity).Validate(errors);

        Assert.Equal(valid, command is not null);
        Assert.Equal(!valid, errors.ToDictionary().ContainsKey("quantity"));
    }

    [Theory]
    [InlineData("transfer-out", MovementKind.TransferOut)]
    [InlineData("TRANSFER_IN", MovementKind.TransferIn)]
    [InlineData("posSale", MovementKind.PosSale)]
    public void Validate_Kind_CaseDashesAndUnderscoresIgnored(string kind, MovementKind expected)
    {
        var command = Request(kind, 1) with { ToLocation = "store" };

        Assert.Equal(expected, command.Validate(new FieldErrors())?.Kind);
    }

    [Fact]
    public void Validate_UnknownKindOrNoQuantity_EachFieldNamed()
    {
        var errors = new FieldErrors();

        var command = new MovementRequest("SKU-1", "teleport", "wh", null, "k").Validate(errors);

        Assert.Null(command);
        Assert.Equal(new[] { "kind", "quantity" }, errors.ToDictionary().Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Validate_AdjustmentWithoutReason_Refused()
    {
        var errors = new FieldErrors();

        Assert.Null((Request("adjustment", -1) with { Reason = null }).Validate(errors));
        Assert.True(errors.ToDictionary().ContainsKey("reason"));
    }

    [Theory]
    [InlineData(null, "'toLocation' is required.")]
    [InlineData("wh", "'toLocation' must differ from 'location'.")]
    public void Validate_TransferOutWithoutOrToTheSameLocation_Refused(string? to, string message)
    {
        var errors = new FieldErrors();

        Assert.Null((Request("transferOut", 1) with { ToLocation = to }).Validate(errors));
        Assert.Equal(new[] { message }, errors.ToDictionary()["toLocation"]);
    }

    [Theory]
    [InlineData(null, ReturnCondition.Sellable)]
    [InlineData("damaged", ReturnCondition.Damaged)]
    [InlineData("SELLABLE", ReturnCondition.Sellable)]
    public void Validate_ReturnCondition_DefaultsToSellable(string? condition, ReturnCondition expected)
    {
        Assert.Equal(expected, (Request("return", 1) with { Condition = condition }).Validate(new FieldErrors())?.Condition);
    }

    [Fact]
    public void Validate_ConditionOnAnotherKind_NotKept()
    {
        Assert.Null((Request("receipt", 1) with { Condition = "damaged" }).Validate(new FieldErrors())?.Condition);
    }

    [Fact]
    public void Validate_UnknownConditionOrNegativePrice_Refused()
    {
        var errors = new FieldErrors();

        Assert.Null((Request("return", 1) with { Condition = "broken", UnitPrice = -0.01m }).Validate(errors));
        Assert.Equal(new[] { "condition", "unitPrice" }, errors.ToDictionary().Keys.Order(StringComparer.Ordinal));
    }

    private static MovementRequest Request(string kind, int quantity) =>
        new("SKU-1", kind, "wh", quantity, "k", Reason: "recount");
}

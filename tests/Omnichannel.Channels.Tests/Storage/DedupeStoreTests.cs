using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Omnichannel.Channels.Storage;
using Omnichannel.Channels.Tests.Support;
using Omnichannel.Storage.Errors;

namespace Omnichannel.Channels.Tests.Storage;

public sealed class DedupeStoreTests
{
    private const string Hash = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    private const string OtherHash = "fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210";

    [Fact]
    public async Task ClaimDeliveryAsync_SixteenConcurrentClaims_ExactlyOneNewOthersHandOnAgain()
    {
        await using var services = await ChannelServices.CreateAsync(new FakeTimeProvider(Deliveries.Now));
        var sut = services.GetRequiredService<DedupeStore>();

        var claims = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => sut.ClaimDeliveryAsync("shopify", "main", "evt-1", Hash, "blob", CancellationToken.None)));

        Assert.Equal(1, claims.Count(c => c.Outcome == ClaimOutcome.New));
        Assert.Equal(15, claims.Count(c => c.Outcome == ClaimOutcome.Stalled));
        Assert.Single(claims.Select(c => c.ClaimedAt).Distinct());
    }

    [Fact]
    public async Task ClaimDeliveryAsync_ForwardedBefore_Duplicate()
    {
        var time = new FakeTimeProvider(Deliveries.Now);
        await using var services = await ChannelServices.CreateAsync(time);
        var sut = services.GetRequiredService<DedupeStore>();
        var first = await sut.ClaimDeliveryAsync("x", "main", "evt-1", Hash, "blob", CancellationToken.None);
        await sut.MarkDeliveryForwardedAsync("x", "main", first.Key, "forwarded", CancellationToken.None);
        time.Advance(TimeSpan.FromHours(1));

        Assert.Equal(ClaimOutcome.Duplicate, (await sut.ClaimDeliveryAsync("x", "main", "evt-1", Hash, "blob2", CancellationToken.None)).Outcome);
    }

    [Fact]
    public async Task ClaimDeliveryAsync_NotForwardedYetSecondsLater_HandedOnAgainAtOnce()
    {
        var time = new FakeTimeProvider(Deliveries.Now);
        await using var services = await ChannelServices.CreateAsync(time);
        var sut = services.GetRequiredService<DedupeStore>();
        await sut.ClaimDeliveryAsync("x", "main", "evt-1", Hash, "blob", CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(1));

        // A crash between the claim and the hand-over costs nothing but the channel's retry: no grace to wait out.
        var retry = await sut.ClaimDeliveryAsync("x", "main", "evt-1", Hash, "blob2", CancellationToken.None);

        Assert.Equal((ClaimOutcome.Stalled, Deliveries.Now), (retry.Outcome, retry.ClaimedAt));
    }

    [Fact]
    public async Task ClaimDeliveryAsync_SameIdOtherContent_NewUnderDerivedKeyThenDuplicate()
    {
        await using var services = await ChannelServices.CreateAsync(new FakeTimeProvider(Deliveries.Now));
        var sut = services.GetRequiredService<DedupeStore>();
        var first = await sut.ClaimDeliveryAsync("x", "main", "evt-1", Hash, "blob", CancellationToken.None);
        await sut.MarkDeliveryForwardedAsync("x", "main", first.Key, "forwarded", CancellationToken.None);

        var reused = await sut.ClaimDeliveryAsync("x", "main", "evt-1", OtherHash, "blob2", CancellationToken.None);
        await sut.MarkDeliveryForwardedAsync("x", "main", reused.Key, "forwarded", CancellationToken.None);
        var repeated = await sut.ClaimDeliveryAsync("x", "main", "evt-1", OtherHash, "blob3", CancellationToken.None);

        Assert.Equal((ClaimOutcome.New, true, $"evt-1~{OtherHash[..32]}"), (reused.Outcome, reused.Reused, reused.Key));
        Assert.Equal((ClaimOutcome.Duplicate, reused.Key), (repeated.Outcome, repeated.Key));
    }

    [Fact]
    public async Task ClaimDeliveryAsync_IdWithForbiddenKeyCharacters_Works()
    {
        await using var services = await ChannelServices.CreateAsync(new FakeTimeProvider(Deliveries.Now));
        var sut = services.GetRequiredService<DedupeStore>();

        var claim = await sut.ClaimDeliveryAsync("x", "main", "a/b#c?d\\e", Hash, "blob", CancellationToken.None);
        await sut.MarkDeliveryForwardedAsync("x", "main", claim.Key, "forwarded", CancellationToken.None);

        Assert.Equal(ClaimOutcome.New, claim.Outcome);
        Assert.Equal(ClaimOutcome.Duplicate, (await sut.ClaimDeliveryAsync("x", "main", "a/b#c?d\\e", Hash, "blob", CancellationToken.None)).Outcome);
    }

    [Theory]
    [InlineData(600)]
    [InlineData(5000)]
    public async Task ClaimDeliveryAsync_LongId_BoundedKeyAndDeduplicated(int length)
    {
        await using var services = await ChannelServices.CreateAsync(new FakeTimeProvider(Deliveries.Now));
        var sut = services.GetRequiredService<DedupeStore>();
        var id = new string('#', length);

        var claim = await sut.ClaimDeliveryAsync("x", "main", id, Hash, "blob", CancellationToken.None);
        await sut.MarkDeliveryForwardedAsync("x", "main", claim.Key, "forwarded", CancellationToken.None);

        Assert.Equal(ClaimOutcome.New, claim.Outcome);
        Assert.True(claim.Key.Length <= TableKeys.MaxPlainLength, claim.Key);
        Assert.Equal(ClaimOutcome.Duplicate, (await sut.ClaimDeliveryAsync("x", "main", id, Hash, "blob", CancellationToken.None)).Outcome);
        Assert.Equal(ClaimOutcome.New, (await sut.ClaimDeliveryAsync("x", "main", id + "!", Hash, "blob", CancellationToken.None)).Outcome);
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Omnichannel.Channels.Storage;
using Omnichannel.Channels.Tests.Support;

namespace Omnichannel.Channels.Tests.Storage;

public sealed class DedupeTableTests
{
    [Fact]
    public async Task ClaimAsync_SixteenConcurrentClaims_ExactlyOneNew()
    {
        await using var services = await ChannelServices.CreateAsync(new FakeTimeProvider(Deliveries.Now));
        var sut = services.GetRequiredService<DedupeTable>();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => sut.ClaimAsync("d|shopify|main", "evt-1", CancellationToken.None)));

        Assert.Equal(1, outcomes.Count(o => o == ClaimOutcome.New));
        Assert.Equal(15, outcomes.Count(o => o == ClaimOutcome.InProgress));
    }

    [Fact]
    public async Task ClaimAsync_ForwardedBefore_Duplicate()
    {
        var time = new FakeTimeProvider(Deliveries.Now);
        await using var services = await ChannelServices.CreateAsync(time);
        var sut = services.GetRequiredService<DedupeTable>();
        await sut.ClaimAsync("d|x|main", "evt-1", CancellationToken.None);
        await sut.MarkForwardedAsync("d|x|main", "evt-1", CancellationToken.None);
        time.Advance(TimeSpan.FromHours(1));

        Assert.Equal(ClaimOutcome.Duplicate, await sut.ClaimAsync("d|x|main", "evt-1", CancellationToken.None));
    }

    [Fact]
    public async Task ClaimAsync_NotYetForwardedWithinGrace_InProgress()
    {
        var time = new FakeTimeProvider(Deliveries.Now);
        await using var services = await ChannelServices.CreateAsync(time);
        var sut = services.GetRequiredService<DedupeTable>();
        await sut.ClaimAsync("d|x|main", "evt-1", CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal(ClaimOutcome.InProgress, await sut.ClaimAsync("d|x|main", "evt-1", CancellationToken.None));
    }

    [Fact]
    public async Task ReleaseAsync_AfterFailedWork_NextClaimIsNew()
    {
        await using var services = await ChannelServices.CreateAsync(new FakeTimeProvider(Deliveries.Now));
        var sut = services.GetRequiredService<DedupeTable>();
        await sut.ClaimAsync("d|x|main", "evt-1", CancellationToken.None);

        await sut.ReleaseAsync("d|x|main", "evt-1", CancellationToken.None);

        Assert.Equal(ClaimOutcome.New, await sut.ClaimAsync("d|x|main", "evt-1", CancellationToken.None));
    }

    [Fact]
    public async Task ClaimAsync_CrashedBeforeForwarding_RetryAfterGraceIsStalledOnce()
    {
        var time = new FakeTimeProvider(Deliveries.Now);
        await using var services = await ChannelServices.CreateAsync(time);
        var sut = services.GetRequiredService<DedupeTable>();
        await sut.ClaimAsync("d|x|main", "evt-1", CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(3));

        var retries = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => sut.ClaimAsync("d|x|main", "evt-1", CancellationToken.None)));

        Assert.Equal(1, retries.Count(o => o == ClaimOutcome.Stalled));
    }

    [Fact]
    public async Task ClaimAsync_IdWithForbiddenKeyCharacters_Works()
    {
        await using var services = await ChannelServices.CreateAsync(new FakeTimeProvider(Deliveries.Now));
        var sut = services.GetRequiredService<DedupeTable>();

        Assert.Equal(ClaimOutcome.New, await sut.ClaimAsync("d|x/y|main", "a/b#c?d\\e", CancellationToken.None));
        await sut.MarkForwardedAsync("d|x/y|main", "a/b#c?d\\e", CancellationToken.None);
        Assert.Equal(ClaimOutcome.Duplicate, await sut.ClaimAsync("d|x/y|main", "a/b#c?d\\e", CancellationToken.None));
    }
}

using Omnichannel.Ledger.Stock;

namespace Omnichannel.Ledger.Tests.Stock;

public sealed class ChangeWindowTests
{
    private static readonly DateTimeOffset T0 = LedgerHarness.Start;
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(10);

    [Fact]
    public void Decide_FirstChange_SendsAtOnceAndOpensWindow()
    {
        var (notice, next) = default(ChangeWindow).Decide(T0, Window);

        Assert.Equal((ChangeNotice.Now, new ChangeWindow(T0 + Window, false)), (notice, next));
    }

    [Fact]
    public void Decide_ChangesInsideWindow_OneTrailingMessageAtWindowEnd()
    {
        var (_, open) = default(ChangeWindow).Decide(T0, Window);

        var (second, scheduled) = open.Decide(T0.AddSeconds(1), Window);
        var (third, after) = scheduled.Decide(T0.AddSeconds(2), Window);

        Assert.Equal((ChangeNotice.AtWindowEnd, new ChangeWindow(T0 + Window, true)), (second, scheduled));
        Assert.Equal((ChangeNotice.None, scheduled), (third, after));
    }

    [Fact]
    public void Decide_QuietForLongerThanWindow_SendsAtOnceAgain()
    {
        var (_, open) = default(ChangeWindow).Decide(T0, Window);
        var (_, scheduled) = open.Decide(T0.AddSeconds(1), Window);

        Assert.Equal(ChangeNotice.Now, open.Decide(T0 + Window, Window).Notice);
        Assert.Equal(ChangeNotice.Now, scheduled.Decide(T0 + Window + Window, Window).Notice);
    }

    [Fact]
    public void Decide_NoWindow_EveryChangeAtOnce()
    {
        var state = default(ChangeWindow);
        for (var i = 0; i < 3; i++)
        {
            (var notice, state) = state.Decide(T0, TimeSpan.Zero);
            Assert.Equal(ChangeNotice.Now, notice);
        }
    }

    [Fact]
    public void Decide_SteadyBurstOf100_OneMessagePerWindowAndEveryChangeCoveredInTime()
    {
        var guard = ChangeWindow.Guard(Window);
        var state = default(ChangeWindow);
        var messages = new List<(DateTimeOffset SentBy, DateTimeOffset VisibleAt)>();
        var changes = Enumerable.Range(0, 100).Select(i => T0.AddSeconds(i)).ToList();
        foreach (var at in changes)
        {
            (var notice, state) = state.Decide(at, Window);
            if (notice != ChangeNotice.None)
            {
                messages.Add((at, notice == ChangeNotice.Now ? at : state.End!.Value));
            }
        }

        // 100 s of changes, one a second, 10 s window: the leading message and one trailing message per window
        // (the last change falls within the guard of the 100 s window end, so it is carried by the 110 s one).
        Assert.Equal(1 + 11, messages.Count);
        Assert.Equal(messages.Count, messages.Select(m => m.VisibleAt).Distinct().Count());
        foreach (var at in changes)
        {
            // Handled after the change (with the guard when another change sent it), and at most a window (plus guard) later.
            Assert.Contains(messages, m => m.SentBy <= at && m.VisibleAt >= (m.SentBy == at ? at : at + guard) && m.VisibleAt <= at + Window + guard);
        }

        Assert.True(messages[^1].VisibleAt >= changes[^1] + guard, "the last message is handled after the last change");
    }
}

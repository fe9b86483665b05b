using Omnichannel.Durable.Model;

namespace Omnichannel.Durable.Orchestration;

/// <summary>
/// Runs one execution of an orchestrator against its history. Old events are replayed (the code re-runs and
/// must ask for the same steps, which are answered from history); new events continue it. The executor stays
/// alive for a whole episode, so inline activity results are fed to the running code without a replay.
/// </summary>
internal sealed class OrchestrationExecutor
{
    private readonly OrchestrationSynchronizationContext _sync = new();
    private readonly Dictionary<int, HistoryEvent> _scheduled = [];
    private readonly Dictionary<int, (HistoryEvent Step, TaskCompletionSource<string?> Source)> _open = [];
    private readonly HashSet<int> _done = [];
    private readonly Dictionary<string, Queue<HistoryEvent>> _buffered = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, LinkedList<TaskCompletionSource<string?>>> _waiters = new(StringComparer.OrdinalIgnoreCase);
    private readonly ITaskOrchestrator _orchestrator;
    private readonly OrchestrationContextImpl _context;
    private readonly List<HistoryEvent> _newSteps = [];
    private Task<object?>? _run;
    private int _nextId;
    private int _guids;
    private bool _continueAsNew;
    private string? _newInput;
    private bool _preserveEvents;

    public OrchestrationExecutor(string name, string instanceId, string executionId, string? input, ITaskOrchestrator orchestrator, List<HistoryEvent> history)
    {
        Name = name;
        InstanceId = instanceId;
        ExecutionId = executionId;
        Input = input;
        History = history;
        _orchestrator = orchestrator;
        _context = new OrchestrationContextImpl(this);
        foreach (var e in history.Where(e => e.IsScheduling && e.TaskId is not null))
        {
            _scheduled[e.TaskId!.Value] = e;
        }
    }

    public string Name { get; }

    public string InstanceId { get; }

    public string ExecutionId { get; }

    public string? Input { get; }

    /// <summary>The whole history; steps the code schedules are appended as they happen.</summary>
    public List<HistoryEvent> History { get; }

    public DateTimeOffset CurrentTime { get; private set; }

    public bool IsReplaying { get; private set; }

    public OrchestrationOutcome? Outcome { get; private set; }

    /// <summary>Custom status as JSON, once the code has set one.</summary>
    public string? CustomStatus { get; private set; }

    public bool CustomStatusChanged { get; private set; }

    /// <summary>Replays the history the executor was built with.</summary>
    public void Replay()
    {
        var old = History.ToList();
        Feed(old, replaying: true);
    }

    /// <summary>Appends new events to the history and feeds them to the code.</summary>
    public void Append(IEnumerable<HistoryEvent> events)
    {
        foreach (var e in events)
        {
            History.Add(e);
            Feed([e], replaying: false);
        }
    }

    /// <summary>Steps the code scheduled since the last call that the history did not already have.</summary>
    public List<HistoryEvent> TakeNewSteps()
    {
        var steps = _newSteps.ToList();
        _newSteps.Clear();
        return steps;
    }

    /// <summary>Scheduled steps that have no completion: what a rewind or a resume must send again.</summary>
    public IEnumerable<HistoryEvent> OpenSteps() => _open.Values.Select(o => o.Step).Where(s => !_done.Contains(s.TaskId!.Value));

    internal Task<string?> ScheduleStep(Func<int, HistoryEvent> create, CancellationToken cancellationToken)
    {
        var id = _nextId++;
        var requested = create(id);
        if (_scheduled.TryGetValue(id, out var recorded))
        {
            if (recorded.Kind != requested.Kind || !string.Equals(recorded.Name, requested.Name, StringComparison.Ordinal))
            {
                throw FailNonDeterministic($"step {id}: the history has {Describe(recorded)} but the code now asks for {Describe(requested)}.");
            }
        }
        else
        {
            recorded = requested with { Timestamp = CurrentTime };
            _scheduled[id] = recorded;
            History.Add(recorded);
            _newSteps.Add(recorded);
        }

        var source = new TaskCompletionSource<string?>();
        _open[id] = (recorded, source);
        if (cancellationToken.CanBeCanceled)
        {
            cancellationToken.Register(() => source.TrySetCanceled(cancellationToken));
        }

        return source.Task;
    }

    internal Task<string?> WaitForEvent(string name, CancellationToken cancellationToken)
    {
        if (_buffered.TryGetValue(name, out var buffered) && buffered.TryDequeue(out var early))
        {
            return Task.FromResult(early.Input);
        }

        var source = new TaskCompletionSource<string?>();
        if (!_waiters.TryGetValue(name, out var list))
        {
            _waiters[name] = list = new LinkedList<TaskCompletionSource<string?>>();
        }

        var node = list.AddLast(source);
        if (cancellationToken.CanBeCanceled)
        {
            cancellationToken.Register(() =>
            {
                if (node.List is not null)
                {
                    list.Remove(node);
                }

                source.TrySetCanceled(cancellationToken);
            });
        }

        return source.Task;
    }

    internal void SetCustomStatus(object? status)
    {
        CustomStatus = DurableJson.Serialize(status);
        CustomStatusChanged = true;
    }

    internal void ContinueAsNew(object? input, bool preserveUnprocessedEvents)
    {
        _continueAsNew = true;
        _newInput = DurableJson.Serialize(input);
        _preserveEvents = preserveUnprocessedEvents;
    }

    internal int NextGuidCounter() => _guids++;

    private void Feed(IReadOnlyList<HistoryEvent> events, bool replaying)
    {
        foreach (var e in events)
        {
            if (Outcome is not null)
            {
                return;
            }

            IsReplaying = replaying;
            _sync.Run(() => Apply(e));
            CheckCompletion();
        }

        IsReplaying = false;
    }

    private void Apply(HistoryEvent e)
    {
        switch (e.Kind)
        {
            case HistoryEventKind.ExecutionStarted:
                CurrentTime = e.Timestamp;
                _run = StartAsync();
                break;
            case HistoryEventKind.OrchestratorStarted:
                CurrentTime = e.Timestamp;
                break;
            case HistoryEventKind.TaskCompleted or HistoryEventKind.TimerFired or HistoryEventKind.SubOrchestrationCompleted:
                Complete(e, source => source.TrySetResult(e.Result));
                break;
            case HistoryEventKind.TaskFailed or HistoryEventKind.SubOrchestrationFailed:
                Complete(e, source => source.TrySetException(new TaskFailedException(
                    _scheduled[e.TaskId!.Value].Name ?? "?", e.TaskId.Value, e.Failure ?? new TaskFailureDetails("Unknown", "No details recorded."))));
                break;
            case HistoryEventKind.EventRaised:
                Deliver(e);
                break;
        }
    }

    private async Task<object?> StartAsync()
    {
        var input = DurableJson.Deserialize(Input, _orchestrator.InputType);
        return await _orchestrator.RunAsync(_context, input);
    }

    private void Complete(HistoryEvent e, Action<TaskCompletionSource<string?>> complete)
    {
        var id = e.TaskId ?? -1;
        if (!_done.Add(id))
        {
            return;
        }

        if (_open.TryGetValue(id, out var open))
        {
            complete(open.Source);
        }
        else if (_scheduled.TryGetValue(id, out var step))
        {
            FailNonDeterministic($"step {id}: the history has a result for {Describe(step)}, which the code did not ask for.");
        }
    }

    private void Deliver(HistoryEvent e)
    {
        var name = e.Name ?? string.Empty;
        if (_waiters.TryGetValue(name, out var list) && list.First is { } first)
        {
            list.RemoveFirst();
            first.Value.TrySetResult(e.Input);
            return;
        }

        if (!_buffered.TryGetValue(name, out var queue))
        {
            _buffered[name] = queue = new Queue<HistoryEvent>();
        }

        queue.Enqueue(e);
    }

    private void CheckCompletion()
    {
        if (Outcome is not null || _run is not { IsCompleted: true } run)
        {
            return;
        }

        if (run.IsCompletedSuccessfully)
        {
            Outcome = _continueAsNew
                ? new OrchestrationOutcome(OrchestrationRuntimeStatus.ContinuedAsNew, _newInput, CarryOver: _preserveEvents ? _buffered.Values.SelectMany(q => q).ToList() : [])
                : new OrchestrationOutcome(OrchestrationRuntimeStatus.Completed, DurableJson.Serialize(run.Result));
            return;
        }

        var error = run.Exception?.InnerException ?? new TaskCanceledException("The orchestrator was cancelled.");
        Outcome = new OrchestrationOutcome(OrchestrationRuntimeStatus.Failed, Failure: TaskFailureDetails.FromException(error), FailedStep: (error as TaskFailedException)?.TaskId);
    }

    private NonDeterministicOrchestrationException FailNonDeterministic(string message)
    {
        var text = $"Non-deterministic orchestrator '{Name}': {message}";
        Outcome ??= new OrchestrationOutcome(OrchestrationRuntimeStatus.Failed, Failure: new TaskFailureDetails(TaskFailureDetails.NonDeterminismType, text));
        return new NonDeterministicOrchestrationException(text);
    }

    private static string Describe(HistoryEvent step) => step.Kind switch
    {
        HistoryEventKind.TaskScheduled => $"activity '{step.Name}'",
        HistoryEventKind.TimerCreated => "a timer",
        HistoryEventKind.SubOrchestrationCreated => $"sub-orchestration '{step.Name}'",
        _ => step.Kind.ToString(),
    };
}

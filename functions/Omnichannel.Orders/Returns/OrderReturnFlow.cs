using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.Options;
using Omnichannel.Orders.Configuration;
using Omnichannel.Orders.Flow;
using Omnichannel.Orders.Model;

namespace Omnichannel.Orders.Returns;

/// <summary>
/// One return of an online order at a store or the warehouse: restock through the ledger (sellable to on hand,
/// damaged to unsellable), then report it to the channel where its API takes returns. Instance id
/// <see cref="InstanceId"/>; a channel outage fails it after <see cref="OrdersOptions.ReportAttempts"/>, and a
/// replay resumes at the report (the restock is done, and keyed by the return, so it never runs twice).
/// Versioning: as <see cref="OrderFlow"/>, changes stay replay-compatible or ship under a new name.
/// </summary>
public sealed class OrderReturnFlow(IOptions<OrdersOptions> options)
{
    public const string Name = "OrderReturn";

    /// <summary><c>{order id}_return_{return id}</c>, the return id encoded as the order id's parts are.</summary>
    public static string InstanceId(string orderId, string returnId) => $"{orderId}_return_{OrderId.Encode(returnId)}";

    [Function(Name)]
    public async Task<string> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var input = context.GetInput<ReturnInput>() ?? throw new InvalidOperationException($"Orchestration {context.InstanceId} has no input.");
        var logger = context.CreateReplaySafeLogger<OrderReturnFlow>();
        var o = options.Value;
        context.SetCustomStatus(new ReturnProgress("restocking", $"at {input.Return.Location}"));
        var restocked = await context.CallActivityAsync<int>(RestockReturn.Name, input, OrderFlow.Steps);
        context.SetCustomStatus(new ReturnProgress("reporting", $"{restocked} line(s) restocked at {input.Return.Location}"));
        var reporting = TaskOptions.FromRetryPolicy(new RetryPolicy(o.ReportAttempts, o.ReportRetryInterval, backoffCoefficient: 2));
        var reported = await context.CallActivityAsync<string>(ReportReturn.Name, input, reporting);
        var done = $"{restocked} line(s) restocked at {input.Return.Location}; {reported}";
        context.SetCustomStatus(new ReturnProgress("done", done));
        Log.ReturnEnded(logger, input.OrderId, input.Return.ReturnId, done);
        return done;
    }
}

/// <summary>The return flow's custom status: restocking, reporting or done, and a short detail.</summary>
public sealed record ReturnProgress(string Step, string Detail);

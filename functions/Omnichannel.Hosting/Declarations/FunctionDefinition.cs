namespace Omnichannel.Hosting.Declarations;

/// <summary>
/// One function, declared once. The host maps it to an endpoint, a timer or a queue listener when it runs
/// standalone, and to a <c>function.json</c> plus an invocation endpoint under the Azure Functions host.
/// </summary>
public abstract record FunctionDefinition(string Name)
{
    /// <summary>Function names become URL segments and folder names: letters, digits, '-' and '_'.</summary>
    public static bool IsValidName(string name) =>
        !string.IsNullOrEmpty(name) && name.Length <= 127 && char.IsAsciiLetter(name[0]) &&
        name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}

/// <summary>An HTTP function: a minimal-API handler on <c>/api/{Route}</c>.</summary>
/// <param name="Name">Function name.</param>
/// <param name="Route">
/// Route template below the <c>/api</c> prefix, e.g. <c>stock/{sku}</c>; a leading '/' makes it absolute
/// (e.g. <c>/runtime/webhooks/durabletask/instances</c>, the path Durable Functions uses).
/// </param>
/// <param name="Methods">HTTP methods, upper case.</param>
/// <param name="AuthLevel">Key needed to call it.</param>
/// <param name="Handler">A minimal-API delegate; its parameters are bound by ASP.NET Core.</param>
public sealed record HttpFunction(string Name, string Route, IReadOnlyList<string> Methods, AuthorizationLevel AuthLevel, Delegate Handler)
    : FunctionDefinition(Name)
{
    /// <summary>The route prefix of the Functions host locally; function.json routes include it explicitly.</summary>
    public const string ApiPrefix = "api";

    /// <summary>The full route template without a leading '/', e.g. <c>api/stock/{sku}</c>.</summary>
    public string Path => Route.StartsWith('/') ? Route.TrimStart('/') : $"{ApiPrefix}/{Route}";
}

/// <summary>A timer function.</summary>
/// <param name="Name">Function name.</param>
/// <param name="Schedule">Six-field NCRONTAB expression with seconds, UTC, e.g. <c>0 */5 * * * *</c>.</param>
/// <param name="RunOnStartup">Also run once when the host starts.</param>
/// <param name="HandlerType">An <see cref="ITimerHandler"/> resolved from DI per invocation.</param>
public sealed record TimerFunction(string Name, string Schedule, bool RunOnStartup, Type HandlerType)
    : FunctionDefinition(Name);

/// <summary>A queue function on an Azure Storage queue.</summary>
/// <param name="Name">Function name.</param>
/// <param name="QueueName">Queue to listen to; failing messages go to <c>{QueueName}-poison</c>.</param>
/// <param name="Options">Batch size, visibility and dequeue limits.</param>
/// <param name="HandlerType">An <see cref="IQueueHandler"/> resolved from DI per message.</param>
public sealed record QueueFunction(string Name, string QueueName, QueueTriggerOptions Options, Type HandlerType)
    : FunctionDefinition(Name)
{
    public string PoisonQueueName => QueueName + "-poison";
}

using System.Text.RegularExpressions;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using Omnichannel.Hosting.Http;
using Omnichannel.LocalHost.Auth;
using Omnichannel.LocalHost.Configuration;

namespace Omnichannel.LocalHost.Functions;

/// <summary>
/// Maps each HTTP <c>[Function]</c> to an endpoint as the Functions host routes it: <c>/{routePrefix}/{Route}</c>
/// (the function name when it has no route), its methods (all when none are given), and its auth level checked
/// against the local keys. The function's <see cref="IResult"/> is executed as the worker's ASP.NET Core
/// integration executes it.
/// </summary>
public static partial class HttpFunctionEndpoints
{
    public static void Map(WebApplication app, IEnumerable<LocalFunction> functions, string routePrefix)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(functions);
        var options = app.Services.GetRequiredService<IOptions<HubOptions>>();
        var logger = app.Services.GetRequiredService<ILogger<FunctionKeyFilter>>();
        foreach (var function in functions.Where(f => f.Kind == TriggerKind.Http))
        {
            var trigger = (HttpTriggerAttribute)function.TriggerAttribute;
            var route = RouteOf(function, routePrefix);
            var invoker = Validate(function, route);
            Func<HttpContext, Task<IResult>> handler = context => InvokeAsync(invoker, context);
            var endpoint = app.Map(route, handler)
                .WithName(function.Name)
                .WithMetadata(new FunctionEndpointMetadata(function.Name, trigger.AuthLevel))
                .AddEndpointFilter(new FunctionKeyFilter(trigger.AuthLevel, options, logger));
            if (trigger.Methods is { Length: > 0 } methods)
            {
                endpoint.WithMetadata(new HttpMethodMetadata(methods.Select(m => m.ToUpperInvariant()).ToArray()));
            }
        }
    }

    /// <summary>The full route template, e.g. <c>/api/stock/{sku}</c>.</summary>
    public static string RouteOf(LocalFunction function, string routePrefix)
    {
        ArgumentNullException.ThrowIfNull(function);
        var route = ((HttpTriggerAttribute)function.TriggerAttribute).Route ?? function.Name;
        var prefix = string.IsNullOrWhiteSpace(routePrefix) ? string.Empty : "/" + routePrefix.Trim('/');
        return $"{prefix}/{route.Trim('/')}";
    }

    private static FunctionInvoker Validate(LocalFunction function, string route)
    {
        if (function.Trigger.ParameterType != typeof(HttpRequest))
        {
            throw new UnsupportedFunctionException($"Function {function}: the HTTP trigger parameter must be an HttpRequest (ASP.NET Core integration); it is {function.Trigger.ParameterType.Name}.");
        }

        var names = RouteParameter().Matches(route).Select(m => m.Groups["name"].Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var invoker = new FunctionInvoker(function, names);
        if (!typeof(IResult).IsAssignableFrom(invoker.ResultType))
        {
            throw new UnsupportedFunctionException($"Function {function}: an HTTP function must return an IResult (TypedResults); it returns {invoker.ResultType.Name}.");
        }

        return invoker;
    }

    private static async Task<IResult> InvokeAsync(FunctionInvoker invoker, HttpContext context)
    {
        var request = context.Request;
        try
        {
            var invocation = new Invocation(context.RequestServices, _ => request, context.RequestAborted, name => request.RouteValues[name]?.ToString());
            return (IResult)(await invoker.InvokeAsync(invocation))!;
        }
        catch (RouteValueException e)
        {
            return Problems.Invalid(e.Name, e.Message);
        }
    }

    [GeneratedRegex(@"\{\*{0,2}(?<name>[A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex RouteParameter();
}

/// <summary>Endpoint metadata naming the function an endpoint serves and the auth level its key filter checks.</summary>
public sealed record FunctionEndpointMetadata(string FunctionName, AuthorizationLevel AuthLevel);

using System.Security.Cryptography;
using System.Text;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using Omnichannel.LocalHost.Configuration;
using Omnichannel.LocalHost.Diagnostics;

namespace Omnichannel.LocalHost.Auth;

/// <summary>
/// Checks the key of a function- or admin-level route as Azure Functions does: header
/// <c>x-functions-key</c> or query <c>code</c>, compared in constant time. On Azure the Functions host checks its own
/// keys; this filter is the local host's.
/// </summary>
internal sealed class FunctionKeyFilter(AuthorizationLevel level, IOptions<HubOptions> options, ILogger<FunctionKeyFilter> logger) : IEndpointFilter
{
    public const string Header = "x-functions-key";

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var hub = options.Value;
        if (level == AuthorizationLevel.Anonymous)
        {
            return next(context);
        }

        var request = context.HttpContext.Request;
        var presented = request.Headers[Header].ToString();
        if (presented.Length == 0)
        {
            presented = request.Query["code"].ToString();
        }

        var accepted = Matches(presented, hub.AdminKey) || (level is AuthorizationLevel.Function or AuthorizationLevel.User && Matches(presented, hub.FunctionKey));
        if (accepted)
        {
            return next(context);
        }

        var reason = presented.Length == 0 ? "no key" : $"wrong key for {level.ToString().ToLowerInvariant()} level";
        Log.KeyRefused(logger, request.Method, request.Path, reason);
        return ValueTask.FromResult<object?>(TypedResults.Problem(
            detail: presented.Length == 0
                ? $"This route needs a key: send it in the '{Header}' header or the 'code' query parameter."
                : "The key is not valid for this route.",
            statusCode: StatusCodes.Status401Unauthorized,
            title: "Unauthorized"));
    }

    /// <summary>Compares hashes so the time taken says nothing about the key, not even its length.</summary>
    private static bool Matches(string presented, string? expected) =>
        !string.IsNullOrEmpty(expected) && presented.Length > 0 &&
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)),
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}

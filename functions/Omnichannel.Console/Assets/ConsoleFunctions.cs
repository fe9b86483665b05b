using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Omnichannel.Hosting.Http;
using Omnichannel.OperationsConsole.Access;

namespace Omnichannel.OperationsConsole.Assets;

/// <summary>
/// <c>GET /api/console/{*path}</c>: the page's files. Anonymous at the key level, because a browser cannot send a
/// key with a page load: the shell holds no data, and every call it makes goes to the hub's API with the key (and
/// on Azure with the App Service authentication session). With <see cref="ConsoleOptions.RequireSignIn"/> the
/// shell itself is served only to a signed-in user holding the operator role.
/// </summary>
public sealed class ConsoleFunctions(ConsoleAssets assets, IOptions<ConsoleOptions> options, ILogger<ConsoleFunctions> logger)
{
    /// <summary>The page may load only its own files and call only its own origin; nothing may frame it.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'self'; frame-ancestors 'none'";

    [Function("ConsoleAssetGet")]
    public IResult Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "console/{*path}")] HttpRequest request, string? path)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = options.Value;
        if (settings.RequireSignIn && Refused(request, settings) is { } refused)
        {
            return refused;
        }

        if (string.IsNullOrEmpty(path))
        {
            // Relative links of the page resolve against /api/console/, so the folder form is the page's address.
            if (request.Path.Value?.EndsWith('/') != true)
            {
                return TypedResults.Redirect($"{request.PathBase}{request.Path}/{request.QueryString}");
            }

            path = "index.html";
        }

        var asset = assets.Find(path);
        if (asset is null)
        {
            return Problems.NotFound("console file", path);
        }

        var headers = request.HttpContext.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-cache";
        headers.ETag = asset.ETag;
        if (request.Headers.IfNoneMatch.ToString() == asset.ETag)
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return TypedResults.Bytes(asset.Content, asset.ContentType);
    }

    private IResult? Refused(HttpRequest request, ConsoleOptions settings)
    {
        var principal = OperatorPrincipal.From(request);
        if (principal is null)
        {
            var back = Uri.EscapeDataString($"{request.PathBase}{request.Path}");
            return TypedResults.Redirect($"{settings.LoginPath}?post_login_redirect_uri={back}");
        }

        if (!principal.HasRole(settings.OperatorRole))
        {
            Log.OperatorRefused(logger, settings.OperatorRole);
            return TypedResults.Problem(
                $"Your account does not hold the app role '{settings.OperatorRole}'. Ask an owner of the hub's app registration to assign it.",
                statusCode: StatusCodes.Status403Forbidden,
                title: "Forbidden");
        }

        return null;
    }
}

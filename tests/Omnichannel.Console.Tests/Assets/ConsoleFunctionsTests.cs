using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Omnichannel.OperationsConsole.Assets;
using Omnichannel.Testing;

namespace Omnichannel.OperationsConsole.Tests.Assets;

/// <summary>
/// The page function itself, on an in-memory hub with <c>Console:RequireSignIn</c> as the template sets it on Azure:
/// App Service authentication's principal decides, the files carry their security headers.
/// </summary>
public sealed class ConsoleFunctionsTests : IAsyncLifetime
{
    private HubFactory _hub = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _hub = await HubFactory.CreateAsync(new Dictionary<string, string?> { ["Console:RequireSignIn"] = "true", ["Orders:OrdersTable"] = Unique.Name("ord") });
        _client = _hub.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _hub.DisposeAsync();
    }

    [Fact]
    public async Task Get_NotSignedIn_RedirectedToTheSignInAndBack()
    {
        using var response = await _client.GetAsync(new Uri("api/console/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/.auth/login/aad?post_login_redirect_uri=%2Fapi%2Fconsole%2F", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Get_SignedInWithoutTheRole_403()
    {
        using var response = await SendAsync("api/console/", Principal("Eve", "Hub.Reader"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Hub.Operator", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_OperatorSignedIn_PageWithItsSecurityHeadersAndItsFiles()
    {
        var principal = Principal("Anna", "Hub.Operator");
        using var page = await SendAsync("api/console/", principal);
        using var script = await SendAsync("api/console/vendor/chart.umd.min.js", principal);
        using var missing = await SendAsync("api/console/nothing.js", principal);
        using var folder = await SendAsync("api/console", principal);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<title>Omnichannel hub · operations</title>", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(ConsoleFunctions.ContentSecurityPolicy, page.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Contains("Chart.js v4.5.1", await script.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, folder.StatusCode);
        Assert.Equal("/api/console/", folder.Headers.Location?.OriginalString);
    }

    [Fact]
    public void Assets_Embedded_EveryFileOfThePageAndTheChartLicence()
    {
        var assets = new ConsoleAssets();

        foreach (var path in new[] { "index.html", "app.js", "api.js", "ui.js", "console.css", "views/overview.js", "views/orders.js", "views/order.js", "views/stock.js", "views/alerts.js", "vendor/chart.umd.min.js", "vendor/chart.js.LICENSE.md" })
        {
            Assert.NotNull(assets.Find(path));
        }
    }

    /// <summary>The header App Service authentication adds for a signed-in Entra ID user.</summary>
    private static string Principal(string name, string role) => Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
    {
        auth_typ = "aad",
        name_typ = "name",
        role_typ = "roles",
        claims = new[] { new { typ = "name", val = name }, new { typ = "roles", val = role } },
    })));

    private async Task<HttpResponseMessage> SendAsync(string path, string principal)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Add("X-MS-CLIENT-PRINCIPAL", principal);
        return await _client.SendAsync(request);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Omnichannel.LocalHost.Configuration;
using Omnichannel.LocalHost.Functions;

namespace Omnichannel.LocalHost.Tests.Functions;

public sealed class HttpFunctionEndpointsTests : IAsyncLifetime
{
    private const string FunctionKey = "sample-function-key";
    private const string AdminKey = "sample-admin-key";
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddSingleton<SampleCalls>();
        builder.Services.Configure<HubOptions>(o =>
        {
            o.FunctionKey = FunctionKey;
            o.AdminKey = AdminKey;
        });
        _app = builder.Build();
        HttpFunctionEndpoints.Map(_app, FunctionCatalog.Discover([typeof(SampleFunctions)]), "api");
        await _app.StartAsync();
        _client = _app.GetTestClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Map_FunctionLevelWithKey_BindsRouteValuesAndServesTheResult()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/samples/box/12?q=red");
        request.Headers.Add("x-functions-key", FunctionKey);

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("box", body.GetProperty("name").GetString());
        Assert.Equal(12, body.GetProperty("count").GetInt32());
        Assert.Equal("red", body.GetProperty("query").GetString());
    }

    [Fact]
    public async Task Map_RouteValueOfTheWrongType_400NamingIt()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/samples/count/twelve");
        request.Headers.Add("x-functions-key", FunctionKey);

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(Hosting.Http.Problems.InvalidTitle, body.GetProperty("title").GetString());
        Assert.Contains("'count'", body.GetProperty("errors").GetProperty("count")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Map_FunctionLevelWithoutKey_401Problem()
    {
        using var response = await _client.GetAsync(new Uri("/api/samples/box/12", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData(FunctionKey, HttpStatusCode.Unauthorized)]
    [InlineData(AdminKey, HttpStatusCode.NoContent)]
    public async Task Map_AdminLevel_OnlyTheAdminKey(string key, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/samples/admin");
        request.Headers.Add("x-functions-key", key);

        using var response = await _client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Map_MethodNotDeclared_405()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/samples/admin");
        request.Headers.Add("x-functions-key", AdminKey);

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("DELETE")]
    public async Task Map_NoRouteNoMethods_FunctionNameRouteForEveryMethod(string method)
    {
        using var response = await _client.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/api/SampleDefaultRoute"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(method, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Map_NotAnIResult_RefusedAtStartNamingTheFunction()
    {
        await using var app = WebApplication.CreateBuilder().Build();

        var error = Assert.Throws<UnsupportedFunctionException>(() => HttpFunctionEndpoints.Map(app, FunctionCatalog.Discover([typeof(WrongReturnFunctions)]), "api"));

        Assert.Contains("'ReturnsAString'", error.Message, StringComparison.Ordinal);
    }
}

using System.Net;
using Omnichannel.Hosting.Declarations;
using Omnichannel.Testing;

namespace Omnichannel.LocalHost.Tests.Auth;

public sealed class FunctionKeyFilterTests : IAsyncLifetime
{
    private HubFactory _hub = null!;

    public async Task InitializeAsync() => _hub = await HubFactory.CreateAsync(services: services =>
    {
        services.AddHttpFunction("FunctionLevel", "test/function-level", AuthorizationLevel.Function, () => "function ok", "GET");
        services.AddHttpFunction("AdminLevel", "test/admin-level", AuthorizationLevel.Admin, () => "admin ok", "GET");
    });

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Theory]
    [InlineData("test/function-level", HubFactory.FunctionKey)]
    [InlineData("test/function-level", HubFactory.AdminKey)]
    [InlineData("test/admin-level", HubFactory.AdminKey)]
    public async Task Invoke_KeyInHeader_Accepted(string route, string key)
    {
        using var client = _hub.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/" + route);
        request.Headers.Add("x-functions-key", key);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Invoke_KeyInCodeQuery_Accepted()
    {
        using var client = _hub.CreateClient();

        using var response = await client.GetAsync(new Uri($"/api/test/function-level?code={HubFactory.FunctionKey}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("function ok", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("test/function-level", null)]
    [InlineData("test/function-level", "wrong-key-of-some-length")]
    [InlineData("test/admin-level", HubFactory.FunctionKey)]
    [InlineData("test/admin-level", null)]
    public async Task Invoke_MissingOrWrongKey_RefusedWithProblem(string route, string? key)
    {
        using var client = _hub.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/" + route);
        if (key is not null)
        {
            request.Headers.Add("x-functions-key", key);
        }

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("ok", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_UnderFunctionsHost_HostHasCheckedKeys()
    {
        await using var hub = await HubFactory.CreateAsync(
            new Dictionary<string, string?> { ["FUNCTIONS_CUSTOMHANDLER_PORT"] = "7999" },
            services => services.AddHttpFunction("AdminLevel", "test/admin-level", AuthorizationLevel.Admin, () => "admin ok", "GET"));
        using var client = hub.CreateClient();

        using var response = await client.GetAsync(new Uri("/api/test/admin-level", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

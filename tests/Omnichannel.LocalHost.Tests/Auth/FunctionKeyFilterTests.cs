using System.Net;
using Omnichannel.Testing;

namespace Omnichannel.LocalHost.Tests.Auth;

/// <summary>The local host checks keys on the app's own routes: a function-level one and the admin-only durable API.</summary>
public sealed class FunctionKeyFilterTests : IAsyncLifetime
{
    private const string FunctionLevel = "/api/products";
    private const string AdminLevel = "/runtime/webhooks/durabletask/instances";
    private HubFactory _hub = null!;

    public async Task InitializeAsync() => _hub = await HubFactory.CreateAsync();

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Theory]
    [InlineData(FunctionLevel, HubFactory.FunctionKey)]
    [InlineData(FunctionLevel, HubFactory.AdminKey)]
    [InlineData(AdminLevel, HubFactory.AdminKey)]
    public async Task Invoke_KeyInHeader_Accepted(string route, string key)
    {
        using var client = _hub.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, route);
        request.Headers.Add("x-functions-key", key);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Invoke_KeyInCodeQuery_Accepted()
    {
        using var client = _hub.CreateClient();

        using var response = await client.GetAsync(new Uri($"{FunctionLevel}?code={HubFactory.FunctionKey}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(FunctionLevel, null)]
    [InlineData(FunctionLevel, "wrong-key-of-some-length")]
    [InlineData(AdminLevel, HubFactory.FunctionKey)]
    [InlineData(AdminLevel, null)]
    public async Task Invoke_MissingOrWrongKey_RefusedWithProblem(string route, string? key)
    {
        using var client = _hub.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, route);
        if (key is not null)
        {
            request.Headers.Add("x-functions-key", key);
        }

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}

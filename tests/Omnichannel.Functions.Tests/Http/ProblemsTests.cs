using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Hosting.Http;
using Omnichannel.Hosting.Validation;

namespace Omnichannel.Functions.Tests.Http;

public sealed class ProblemsTests
{
    [Fact]
    public async Task Invalid_SeveralFields_WritesEveryErrorAndJoinsThemInDetail()
    {
        var errors = new FieldErrors();
        errors.Add("carrier", "'carrier' is required.");
        errors.Add("lines", "Each line needs a 'lineId'.");
        errors.Add("carrier", "'carrier' must be short.");

        var (status, contentType, body) = await WriteAsync(Problems.Invalid(errors));

        Assert.Equal(StatusCodes.Status400BadRequest, status);
        Assert.Equal("application/problem+json", contentType);
        Assert.Equal(Problems.InvalidTitle, body.GetProperty("title").GetString());
        Assert.Equal("'carrier' is required. 'carrier' must be short. Each line needs a 'lineId'.", body.GetProperty("detail").GetString());
        var written = body.GetProperty("errors");
        Assert.Equal(["'carrier' is required.", "'carrier' must be short."], written.GetProperty("carrier").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("Each line needs a 'lineId'.", written.GetProperty("lines")[0].GetString());
    }

    [Fact]
    public async Task BadId_BreaksSafeIdRule_400NamingTheField()
    {
        var problem = Problems.BadId("sku", "../etc");

        Assert.NotNull(problem);
        var (status, _, body) = await WriteAsync(problem);
        Assert.Equal(StatusCodes.Status400BadRequest, status);
        Assert.Equal(SafeId.Rule("sku"), body.GetProperty("errors").GetProperty("sku")[0].GetString());
    }

    [Fact]
    public void BadId_KeepsSafeIdRule_Null() => Assert.Null(Problems.BadId("sku", "TS-RED-M"));

    [Theory]
    [InlineData("order", "shopify_main_1001", null, "No order 'shopify_main_1001'.")]
    [InlineData("feed", "nope", "Feeds: google-local.", "No feed 'nope'. Feeds: google-local.")]
    [InlineData("instance matching the filter", null, null, "No instance matching the filter.")]
    public async Task NotFound_AnyResource_OneTitleAndNoWhatIdDetail(string what, string? id, string? hint, string expected)
    {
        var (status, contentType, body) = await WriteAsync(Problems.NotFound(what, id, hint));

        Assert.Equal(StatusCodes.Status404NotFound, status);
        Assert.Equal("application/problem+json", contentType);
        Assert.Equal(Problems.NotFoundTitle, body.GetProperty("title").GetString());
        Assert.Equal(expected, body.GetProperty("detail").GetString());
        Assert.Equal(404, body.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Conflict_WithExtensions_409KeepingThem()
    {
        var (status, _, body) = await WriteAsync(Problems.Conflict("Short by 2.", new Dictionary<string, object?> { ["shortfall"] = 2 }));

        Assert.Equal(StatusCodes.Status409Conflict, status);
        Assert.Equal(Problems.ConflictTitle, body.GetProperty("title").GetString());
        Assert.Equal(2, body.GetProperty("shortfall").GetInt32());
    }

    [Fact]
    public async Task Unprocessable_Detail_422()
    {
        var (status, _, body) = await WriteAsync(Problems.Unprocessable("Still unreadable."));

        Assert.Equal(StatusCodes.Status422UnprocessableEntity, status);
        Assert.Equal(Problems.UnprocessableTitle, body.GetProperty("title").GetString());
        Assert.Equal("Still unreadable.", body.GetProperty("detail").GetString());
    }

    private static async Task<(int Status, string? ContentType, JsonElement Body)> WriteAsync(ProblemHttpResult result)
    {
        await using var services = new ServiceCollection().AddLogging().BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        using var stream = new MemoryStream();
        context.Response.Body = stream;

        await result.ExecuteAsync(context);

        using var document = JsonDocument.Parse(stream.ToArray());
        return (context.Response.StatusCode, context.Response.ContentType, document.RootElement.Clone());
    }
}

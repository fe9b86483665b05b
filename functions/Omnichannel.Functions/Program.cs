using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

namespace Omnichannel.Functions;

/// <summary>The isolated worker's entry point, as the Functions host starts it on Azure (or <c>func start</c>).</summary>
internal static class Program
{
    private static void Main(string[] args)
    {
        var builder = FunctionsApplication.CreateBuilder(args);
        builder.ConfigureFunctionsWebApplication();
        builder.Services.AddHub(builder.Configuration);
        builder.Build().Run();
    }
}

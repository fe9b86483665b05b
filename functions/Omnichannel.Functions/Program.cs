using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using Omnichannel.Functions.Diagnostics;
using Omnichannel.Hosting.Configuration;

namespace Omnichannel.Functions;

/// <summary>The isolated worker's entry point, as the Functions host starts it on Azure (or <c>func start</c>).</summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        try
        {
            var builder = FunctionsApplication.CreateBuilder(args);
            builder.ConfigureFunctionsWebApplication();
            builder.UseMiddleware<ProblemDetailsMiddleware>();
            builder.UseMiddleware<FlowLogScopeMiddleware>();
            builder.Services.AddHubTelemetry(builder.Configuration);
            builder.Services.AddHub(builder.Configuration);
            builder.Build().Run();
            return 0;
        }
        catch (Exception e) when (StartupFailure.ConfigurationError(e) is { } line)
        {
            // One line the host's log shows, naming the setting, instead of a stack trace.
            Console.Error.WriteLine(line);
            return 1;
        }
    }
}

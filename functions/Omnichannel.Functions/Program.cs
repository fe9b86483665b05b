using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
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
        catch (OptionsValidationException e)
        {
            // One line the host's log shows, naming the setting, instead of a stack trace.
            Console.Error.WriteLine($"Configuration error: {string.Join(" ", e.Failures)}");
        }
        catch (AggregateException e) when (e.InnerExceptions.All(i => i is OptionsValidationException))
        {
            // Several options classes failed: still one line, every failure of each.
            Console.Error.WriteLine($"Configuration error: {string.Join(" ", e.InnerExceptions.Cast<OptionsValidationException>().SelectMany(i => i.Failures))}");
        }
        catch (SettingException e)
        {
            Console.Error.WriteLine($"Configuration error: {e.Message}");
        }

        return 1;
    }
}

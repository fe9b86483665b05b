using Omnichannel.Functions;
using Omnichannel.Hosting.Configuration;
using Omnichannel.LocalHost.Configuration;
using Omnichannel.LocalHost.Demo;
using Omnichannel.LocalHost.Diagnostics;
using Omnichannel.LocalHost.Durable;
using Omnichannel.LocalHost.Functions;
using Omnichannel.LocalHost.Triggers;
using Omnichannel.Storage.Connection;

namespace Omnichannel.LocalHost;

/// <summary>
/// The local host: the app's services (<see cref="HubServices.AddHub"/>, as the isolated worker composes them) and
/// its <c>[Function]</c> methods served on one ASP.NET Core server, with host.json read as the Functions host reads it.
/// </summary>
public static class HubApp
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Configuration.AddHostJson();
        // Tests set Hub:UseLocalSettings=false so the sample's demo accounts and seeding stay out of them.
        if (builder.Configuration.GetValue($"{HubOptions.Section}:UseLocalSettings", true))
        {
            builder.Configuration.AddLocalSettings();
        }

        var configuration = builder.Configuration;
        builder.Services.AddValidatedOptions<HubOptions, HubOptionsValidator>(configuration, HubOptions.Section);

        var urls = configuration["urls"] ?? configuration[$"{HubOptions.Section}:{nameof(HubOptions.Urls)}"] ?? new HubOptions().Urls;
        builder.WebHost.UseUrls(urls);
        builder.Logging.AddSimpleConsole(o =>
        {
            o.IncludeScopes = true;
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });

        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.Services.AddSingleton<TimerSingleton>();
        builder.Services.AddHostedService<StandaloneTriggers>();

        // Checked before the host starts: a function the local host cannot serve, or a trigger naming a missing
        // setting, stops the start with its name.
        var functions = new LocalFunctions(FunctionCatalog.Discover(typeof(HubServices).Assembly), configuration);
        builder.Services.AddSingleton(functions);
        builder.Services.AddLocalDurable(configuration, functions.All.Where(f => f.Kind is TriggerKind.Orchestration or TriggerKind.Activity).Select(f => f.Method));
        builder.Services.AddHub(configuration);

        // Dev-only: the demo catalogue (Orders:SeedDemo), seeded by the local host alone, never on Azure.
        builder.Services.AddSingleton<DemoCatalogue>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DemoCatalogue>());

        var app = builder.Build();
        app.UseMiddleware<CorrelationMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        HttpFunctionEndpoints.Map(app, functions.All, HostJson.RoutePrefix(configuration));
        app.MapLocalDurableApi();

        app.Lifetime.ApplicationStarted.Register(() => Log.Started(
            app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Omnichannel.Hub"),
            urls,
            app.Services.GetRequiredService<StorageAccount>().Description,
            functions.All.Count));
        return app;
    }
}

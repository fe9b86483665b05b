using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using Omnichannel.Channels;
using Omnichannel.Durable;
using Omnichannel.LocalHost.Auth;
using Omnichannel.LocalHost.Configuration;
using Omnichannel.LocalHost.CustomHandler;
using Omnichannel.LocalHost.Diagnostics;
using Omnichannel.LocalHost.Health;
using Omnichannel.LocalHost.Triggers;
using Omnichannel.Hosting.Declarations;
using Omnichannel.Ledger;
using Omnichannel.Orders;
using Omnichannel.Storage.Connection;
using Omnichannel.Sync;

namespace Omnichannel.LocalHost;

/// <summary>The composition root: settings, storage, every feature's functions, and how they are served.</summary>
public static class HubApp
{
    /// <summary>Set by the Functions host when it starts a custom handler.</summary>
    public const string CustomHandlerPortSetting = "FUNCTIONS_CUSTOMHANDLER_PORT";

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        // Tests set Hub:UseLocalSettings=false so the sample's demo accounts and seeding stay out of them.
        if (builder.Configuration.GetValue($"{HubOptions.Section}:UseLocalSettings", true))
        {
            builder.Configuration.AddLocalSettings();
        }

        var configuration = builder.Configuration;
        var customHandlerPort = configuration[CustomHandlerPortSetting];
        var underFunctionsHost = !string.IsNullOrWhiteSpace(customHandlerPort);

        builder.Services.AddOptions<HubOptions>()
            .Bind(configuration.GetSection(HubOptions.Section))
            .PostConfigure(o => o.UnderFunctionsHost = underFunctionsHost)
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<HubOptions>, HubOptionsValidator>();

        var urls = underFunctionsHost
            ? $"http://127.0.0.1:{customHandlerPort}"
            : configuration["urls"] ?? configuration[$"{HubOptions.Section}:{nameof(HubOptions.Urls)}"] ?? new HubOptions().Urls;
        builder.WebHost.UseUrls(urls);
        builder.Logging.AddSimpleConsole(o =>
        {
            o.IncludeScopes = true;
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });

        // Reading the setting here (no I/O) makes a missing storage setting fail at start-up, by name.
        builder.Services.AddSingleton(StorageAccount.FromConfiguration(configuration));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.Services.AddSingleton<TimerSingleton>();
        builder.Services.AddHostedService<StandaloneTriggers>();

        builder.Services.AddHealthFunction();
        builder.Services.AddDurable(configuration);
        builder.Services.AddLedger(configuration);
        builder.Services.AddChannels(configuration);
        builder.Services.AddSync(configuration);
        builder.Services.AddOrders(configuration);

        var app = builder.Build();
        app.UseMiddleware<CorrelationMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        MapHttpFunctions(app);
        if (underFunctionsHost)
        {
            app.MapInvocationEndpoint();
        }

        app.Lifetime.ApplicationStarted.Register(() => Log.Started(
            app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Omnichannel.Hub"),
            underFunctionsHost ? "custom-handler" : "standalone",
            urls,
            app.Services.GetRequiredService<StorageAccount>().Description,
            app.Services.GetServices<FunctionDefinition>().Count()));
        return app;
    }

    private static void MapHttpFunctions(WebApplication app)
    {
        foreach (var function in app.Services.GetServices<FunctionDefinition>().OfType<HttpFunction>())
        {
            app.MapMethods("/" + function.Path, function.Methods, function.Handler)
                .WithName(function.Name)
                .AddEndpointFilter(new FunctionKeyFilter(
                    function.AuthLevel,
                    app.Services.GetRequiredService<IOptions<HubOptions>>(),
                    app.Services.GetRequiredService<ILogger<FunctionKeyFilter>>()));
        }
    }
}

using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Omnichannel.Channels.Configuration;
using Polly;

namespace Omnichannel.Channels.Outbound;

/// <summary>
/// One named HttpClient per configured account, each with its own pipeline: rate limiter (token bucket per
/// account), total timeout, retries with jittered exponential backoff honouring Retry-After, circuit breaker,
/// attempt timeout. Requests marked not idempotent are retried only on 429 or a refused connection (the
/// channel provably did nothing), so a retry never creates a second fulfilment.
/// </summary>
public static class ChannelHttp
{
    /// <summary>Set on a request that must not be repeated once the channel may have acted on it.</summary>
    public static readonly HttpRequestOptionsKey<bool> NotIdempotent = new("Omnichannel.NotIdempotent");

    public static string ClientName(ChannelAccount account) => $"channel:{account?.Channel}:{account?.Store}";

    /// <summary>Registers the client of every account; <paramref name="inner"/> adds adapter-specific inner handlers.</summary>
    public static void Register(IServiceCollection services, ChannelAccounts accounts, Func<ChannelAccount, DelegatingHandler?>? inner = null)
    {
        foreach (var account in accounts.All())
        {
            var builder = services.AddHttpClient(ClientName(account));
            builder.AddResilienceHandler(ClientName(account), (pipeline, context) =>
                Configure(pipeline, account, context.ServiceProvider.GetRequiredService<IOptions<ChannelHttpOptions>>().Value, context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ChannelHttp))));
            if (inner?.Invoke(account) is not null)
            {
                builder.AddHttpMessageHandler(() => inner(account)!);
            }
        }
    }

    private static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ChannelAccount account, ChannelHttpOptions options, ILogger logger)
    {
        var rate = account.DoubleOr("RequestsPerSecond", options.RequestsPerSecond);
        var tokensPerPeriod = Math.Max(1, (int)Math.Round(rate));
        var limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = (int)account.DoubleOr("Burst", options.Burst),
            TokensPerPeriod = tokensPerPeriod,
            ReplenishmentPeriod = TimeSpan.FromSeconds(tokensPerPeriod / rate),
            QueueLimit = 10_000,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
        pipeline
            .AddRateLimiter(new HttpRateLimiterStrategyOptions { RateLimiter = args => limiter.AcquireAsync(1, args.Context.CancellationToken) })
            .AddTimeout(options.TotalTimeout);
        if (options.MaxRetries > 0)
        {
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                ShouldRetryAfterHeader = true,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context)),
                OnRetry = args =>
                {
                    Log.OutboundRetry(logger, account.Channel, account.Store, args.Context.GetRequestMessage()?.RequestUri?.AbsolutePath ?? "?", (int?)args.Outcome.Result?.StatusCode, args.AttemptNumber + 1, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            });
        }

        pipeline
            .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                FailureRatio = options.BreakerFailureRatio,
                MinimumThroughput = options.BreakerMinimumThroughput,
                SamplingDuration = options.BreakerSamplingDuration,
                BreakDuration = options.BreakDuration,
            })
            .AddTimeout(options.AttemptTimeout);
    }

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context)
    {
        var request = context.GetRequestMessage();
        var notIdempotent = request is not null && request.Options.TryGetValue(NotIdempotent, out var flag) && flag;
        if (!notIdempotent)
        {
            return HttpClientResiliencePredicates.IsTransient(outcome);
        }

        return outcome.Result?.StatusCode == HttpStatusCode.TooManyRequests ||
            outcome.Exception is HttpRequestException { InnerException: SocketException { SocketErrorCode: SocketError.ConnectionRefused } };
    }
}

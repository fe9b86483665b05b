using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Omnichannel.Channels.Configuration;
using Omnichannel.Channels.Ingestion;
using Omnichannel.Channels.Tests.Support;

namespace Omnichannel.Channels.Tests.Adapters;

/// <summary>
/// What every <see cref="IWebhookAdapter"/> in the channels assembly must do with its signature, proved once over all of
/// them. Adapters are found in the assembly, so a new one is covered without editing this file and fails here until it
/// has a <see cref="WebhookSamples"/> entry. Adapter-specific rules (staleness, alternative schemes) stay in each
/// adapter's own tests.
/// </summary>
public sealed class WebhookAdapterContractTests
{
    private static readonly Type[] AdapterTypes = typeof(IWebhookAdapter).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IWebhookAdapter).IsAssignableFrom(t))
        .OrderBy(t => t.Name, StringComparer.Ordinal)
        .ToArray();

    public static TheoryData<string> Adapters => new(AdapterTypes.Select(t => t.Name));

    [Fact]
    public void Discovery_FindsTheAdapters() =>
        Assert.True(AdapterTypes.Length >= WebhookSamples.ByAdapter.Count, $"found {AdapterTypes.Length} adapters for {WebhookSamples.ByAdapter.Count} samples");

    [Fact]
    public void AddChannels_RegistersEveryAdapterInTheAssembly()
    {
        var services = new ServiceCollection();
        services.AddChannels(new ConfigurationBuilder().Build());

        var registered = services.Where(d => d.ServiceType == typeof(IWebhookAdapter)).Select(d => d.ImplementationType!.Name).Order(StringComparer.Ordinal);

        Assert.Equal(AdapterTypes.Select(t => t.Name), registered);
    }

    [Fact]
    public void Samples_EachNamesAnAdapter() =>
        Assert.Empty(WebhookSamples.ByAdapter.Keys.Except(AdapterTypes.Select(t => Create(t.Name).Name)));

    [Fact]
    public void Name_LowerCaseAndUnique()
    {
        var names = AdapterTypes.Select(t => Create(t.Name).Name).ToList();

        Assert.All(names, name => Assert.Equal(name.ToLowerInvariant(), name));
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [MemberData(nameof(Adapters))]
    public void Verify_SignedSample_IsValid(string type)
    {
        var (adapter, sample) = Arrange(type);

        var check = adapter.Verify(Signed(adapter, sample, sample.Body), Account(adapter), Deliveries.Now);

        Assert.True(check.IsValid, check.Reason);
    }

    [Theory]
    [MemberData(nameof(Adapters))]
    public void Verify_BodyChangedByOneByte_IsInvalid(string type)
    {
        var (adapter, sample) = Arrange(type);
        var tampered = Deliveries.Tampered(sample.Body);
        Assert.Equal(1, sample.Body.Zip(tampered).Count(p => p.First != p.Second));

        var check = adapter.Verify(Signed(adapter, sample, sample.Body) with { Body = tampered }, Account(adapter), Deliveries.Now);

        AssertBodyCovered(sample, check);
    }

    [Theory]
    [MemberData(nameof(Adapters))]
    public void Verify_SameJsonOtherWhitespace_IsInvalid(string type)
    {
        var (adapter, sample) = Arrange(type);
        var node = JsonNode.Parse(sample.Body);
        var compact = JsonSerializer.SerializeToUtf8Bytes(node);
        var reserialised = compact.AsSpan().SequenceEqual(sample.Body) ? JsonSerializer.SerializeToUtf8Bytes(node, new JsonSerializerOptions { WriteIndented = true }) : compact;
        Assert.False(reserialised.AsSpan().SequenceEqual(sample.Body));
        Assert.True(JsonNode.DeepEquals(node, JsonNode.Parse(reserialised)));

        var check = adapter.Verify(Signed(adapter, sample, sample.Body) with { Body = reserialised }, Account(adapter), Deliveries.Now);

        AssertBodyCovered(sample, check);
    }

    [Theory]
    [MemberData(nameof(Adapters))]
    public void Verify_SignedWithAnotherSecret_IsInvalid(string type)
    {
        var (adapter, sample) = Arrange(type);
        var delivery = Deliveries.Of(adapter.Name, sample.Body, [.. sample.Sign(sample.Body, "another-secret"), .. sample.Extra]);

        Assert.Equal(SignatureOutcome.Invalid, adapter.Verify(delivery, Account(adapter), Deliveries.Now).Outcome);
    }

    [Theory]
    [MemberData(nameof(Adapters))]
    public void Verify_NoSignatureHeaders_IsMissing(string type)
    {
        var (adapter, sample) = Arrange(type);

        Assert.Equal(SignatureOutcome.Missing, adapter.Verify(Deliveries.Of(adapter.Name, sample.Body, sample.Extra), Account(adapter), Deliveries.Now).Outcome);
    }

    [Theory]
    [MemberData(nameof(Adapters))]
    public void Verify_NoSecretConfigured_IsMissing(string type)
    {
        var (adapter, sample) = Arrange(type);
        var account = TestAccounts.For(adapter.Name, "main", ("Secret", string.Empty));

        Assert.Equal(SignatureOutcome.Missing, adapter.Verify(Signed(adapter, sample, sample.Body), account, Deliveries.Now).Outcome);
    }

    [Theory]
    [MemberData(nameof(Adapters))]
    public void Verify_HeaderNamesInOtherCase_IsValid(string type)
    {
        var (adapter, sample) = Arrange(type);
        var headers = sample.Sign(sample.Body, TestAccounts.Secret).Concat(sample.Extra).ToList();

        foreach (var recase in new Func<string, string>[] { n => n.ToUpperInvariant(), n => n.ToLowerInvariant() })
        {
            // An ordinal dictionary: the delivery must still find the names whatever their case.
            var ordinal = headers.ToDictionary(h => recase(h.Name), h => h.Value, StringComparer.Ordinal);
            var delivery = new WebhookDelivery(adapter.Name, "main", Deliveries.Now, $"https://hub.example/api/webhooks/{adapter.Name}/main", ordinal, sample.Body);

            var check = adapter.Verify(delivery, Account(adapter), Deliveries.Now);

            Assert.True(check.IsValid, check.Reason);
        }
    }

    [Theory]
    [MemberData(nameof(Adapters))]
    public void IsUnsignedPing_SignedSample_False(string type)
    {
        var (adapter, sample) = Arrange(type);

        Assert.False(adapter.IsUnsignedPing(Signed(adapter, sample, sample.Body)));
    }

    [Theory]
    [MemberData(nameof(Adapters))]
    public void Read_SignedSample_YieldsOrderOrReference(string type)
    {
        var (adapter, sample) = Arrange(type);

        var content = adapter.Read(Signed(adapter, sample, sample.Body), Account(adapter));

        Assert.Null(content.IgnoredBecause);
        Assert.NotEmpty(content.Orders.Select(o => o.ChannelOrderId).Concat(content.References));
    }

    [Theory]
    [MemberData(nameof(Adapters))]
    public void SecretHeaders_NeverNameASignedBodysSignatureHeader(string type)
    {
        var (adapter, sample) = Arrange(type);
        var signatureHeaders = sample.Sign(sample.Body, TestAccounts.Secret).Select(h => h.Name);

        var secret = adapter.SecretHeaders(Account(adapter));

        // A header carrying the secret itself must be kept out of the archive; a signature over the body need not be.
        Assert.Equal(!sample.SignsBody, secret.Intersect(signatureHeaders, StringComparer.OrdinalIgnoreCase).Any());
    }

    private static void AssertBodyCovered(WebhookSample sample, SignatureCheck check)
    {
        if (sample.SignsBody)
        {
            Assert.Equal(SignatureOutcome.Invalid, check.Outcome);
        }
        else
        {
            // A shared secret header covers no body (BigCommerce): the change goes through, which this pins down.
            Assert.True(check.IsValid, check.Reason);
        }
    }

    private static (IWebhookAdapter Adapter, WebhookSample Sample) Arrange(string type)
    {
        var adapter = Create(type);
        Assert.True(WebhookSamples.ByAdapter.TryGetValue(adapter.Name, out var sample), $"Adapter '{adapter.Name}' ({type}) has no signing sample in {nameof(WebhookSamples)}.");
        return (adapter, sample);
    }

    private static IWebhookAdapter Create(string type)
    {
        using var services = new ServiceCollection().AddSingleton(Options.Create(new ChannelsOptions())).BuildServiceProvider();
        return (IWebhookAdapter)ActivatorUtilities.CreateInstance(services, AdapterTypes.Single(t => t.Name == type));
    }

    private static ChannelAccount Account(IWebhookAdapter adapter) => TestAccounts.For(adapter.Name);

    private static WebhookDelivery Signed(IWebhookAdapter adapter, WebhookSample sample, byte[] signedBody) =>
        Deliveries.Of(adapter.Name, signedBody, [.. sample.Sign(signedBody, TestAccounts.Secret), .. sample.Extra]);
}

using Omnichannel.Channels.Adapters.Common;
using Omnichannel.Channels.Configuration;
using Omnichannel.Channels.Ingestion;

namespace Omnichannel.Channels.Adapters.BigCommerce;

/// <summary>
/// BigCommerce's thin webhooks carry no documented signature: the hook is created with a secret custom
/// header (<c>SecretHeader</c>, default <c>X-Webhook-Secret</c>) whose value is compared with <c>Secret</c>
/// in constant time, and never archived. Nothing signed carries a time, so there is no staleness check.
/// Order scopes are forwarded as references (the consumer fetches the order).
/// </summary>
public sealed class BigCommerceWebhookAdapter : IWebhookAdapter
{
    public const string DefaultSecretHeader = "X-Webhook-Secret";

    public string Name => "bigcommerce";

    public IReadOnlyCollection<string> SecretHeaders(ChannelAccount account) => [Header(account)];

    public SignatureCheck Verify(WebhookDelivery delivery, ChannelAccount account, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var presented = delivery.Header(Header(account));
        if (account.Secret is null || presented is null)
        {
            return SignatureCheck.Missing(account.Secret is null ? "no secret configured" : "no secret header");
        }

        return Hmac.SecretsEqual(presented, account.Secret) ? SignatureCheck.Valid : SignatureCheck.Invalid("secret header does not match");
    }

    /// <summary>The payload's own <c>hash</c> identifies the event.</summary>
    public string? DeliveryId(WebhookDelivery delivery)
    {
        try
        {
            using var document = JsonRead.Parse(delivery?.Body ?? ReadOnlyMemory<byte>.Empty);
            return JsonRead.Opt(document.RootElement, "hash");
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or PayloadException)
        {
            return null;
        }
    }

    public WebhookContent Read(WebhookDelivery delivery, ChannelAccount account)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        using var document = JsonRead.Parse(delivery.Body);
        var scope = JsonRead.Req(document.RootElement, "scope");
        var data = JsonRead.Obj(document.RootElement, "data") ?? throw new PayloadException("Field 'data' is missing.");
        return scope.StartsWith("store/order/", StringComparison.Ordinal)
            ? WebhookContent.Referencing(JsonRead.Req(data, "id"))
            : WebhookContent.Ignore($"scope {scope} carries no order");
    }

    private static string Header(ChannelAccount account) => account?["SecretHeader"] ?? DefaultSecretHeader;
}

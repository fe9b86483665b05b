using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Omnichannel.Orders.Configuration;

namespace Omnichannel.Orders.Fulfilment;

/// <summary>
/// Sends a fulfilment request to a warehouse or 3PL: JSON POST signed with HMAC-SHA256 over the raw body
/// (<c>X-Hub-Signature-256: sha256={hex}</c>) and an <c>Idempotency-Key</c> header stable for the step, so the
/// receiver can drop a repeat. A non-success answer throws, and the flow's retry policy tries again.
/// </summary>
public sealed class FulfilmentSender(IHttpClientFactory http)
{
    public const string ClientName = "orders-fulfilment";
    public const string SignatureHeader = "X-Hub-Signature-256";

    public async Task SendAsync(FulfilmentEndpoint endpoint, object request, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var body = Encoding.UTF8.GetBytes(FulfilmentJson.Serialize(request));
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var message = new HttpRequestMessage(HttpMethod.Post, endpoint.Url) { Content = content };
        message.Headers.Add(SignatureHeader, Sign(endpoint.Secret!, body));
        message.Headers.Add("Idempotency-Key", idempotencyKey);
        using var client = http.CreateClient(ClientName);
        using var answer = await client.SendAsync(message, cancellationToken);
        if (!answer.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"Fulfilment endpoint {endpoint.Url!.Host} answered {(int)answer.StatusCode}.", null, answer.StatusCode);
        }
    }

    public static string Sign(string secret, byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
}

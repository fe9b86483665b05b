using System.Text.Json;
using Omnichannel.Channels.Outbound;

namespace Omnichannel.Channels.Adapters.Shopify;

/// <summary>One Admin GraphQL call: <c>ApiVersion</c> (default 2025-07), <c>AccessToken</c>; top-level <c>errors</c> fail it.</summary>
internal static class ShopifyGraphQl
{
    public static async Task<JsonDocument> PostAsync(ChannelRequest request, string operation, string query, object variables, bool idempotent)
    {
        var answer = await request.SendJsonAsync(
            operation,
            HttpMethod.Post,
            ShopifyApi.AdminPath(request.Account, "graphql.json"),
            new { query, variables },
            idempotent,
            m => ShopifyApi.Authorize(m, request.Account))
            ?? throw new ChannelApiException(request.Account.Channel, operation, 200, "empty answer");
        if (answer.RootElement.TryGetProperty("errors", out var errors))
        {
            var text = errors.GetRawText();
            answer.Dispose();
            throw new ChannelApiException(request.Account.Channel, operation, 200, text);
        }

        return answer;
    }
}

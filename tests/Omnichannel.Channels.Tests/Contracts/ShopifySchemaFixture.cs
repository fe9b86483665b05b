using Omnichannel.Channels.Adapters.Shopify;

namespace Omnichannel.Channels.Tests.Contracts;

/// <summary>The Shopify Admin GraphQL schema of the API version the adapter pins, loaded once per test class.</summary>
public sealed class ShopifySchemaFixture
{
    public GraphQlContract Schema { get; } = GraphQlContract.Load(ContractSpecs.PathOf("shopify", $"{ShopifyApi.DefaultApiVersion}.schema.graphql"));
}

using GraphQL.Types;
using GraphQLParser.AST;

namespace Omnichannel.Channels.Tests.Contracts;

/// <summary>
/// A custom scalar of a published schema (Shopify's <c>URL</c>, <c>Money</c>, <c>DateTime</c>...): Shopify sends
/// them as JSON strings (or numbers for <c>BigInt</c>/<c>UnsignedInt64</c>), so any string or number is accepted;
/// objects, lists and booleans are not.
/// </summary>
public sealed class OpaqueScalarGraphType : ScalarGraphType
{
    public OpaqueScalarGraphType(string name) => Name = name;

    public override object? ParseValue(object? value) => value switch
    {
        null => null,
        string or int or long or decimal or double => value,
        _ => ThrowValueConversionError(value),
    };

    public override object? ParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLNullValue => null,
        GraphQLStringValue s => (string)s.Value,
        GraphQLIntValue i => (string)i.Value,
        GraphQLFloatValue f => (string)f.Value,
        _ => ThrowLiteralConversionError(value),
    };

    public override bool CanParseValue(object? value) => value is null or string or int or long or decimal or double;
}

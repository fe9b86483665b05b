using System.Text.Json;
using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser;
using GraphQLParser.AST;

namespace Omnichannel.Channels.Tests.Contracts;

/// <summary>
/// A published GraphQL schema (SDL) and a validator of the documents and variables the adapters send against it:
/// every field, argument, input field and variable type must exist in the schema, and the variables must coerce
/// to their declared input types (unknown or missing input fields, wrong scalars and nulls for non-null fail).
/// </summary>
public sealed class GraphQlContract
{
    private readonly Schema _schema;

    private GraphQlContract(Schema schema) => _schema = schema;

    public static GraphQlContract Load(string sdlPath)
    {
        // Nothing is executed: every object type may stand for any union or interface member.
        var sdl = File.ReadAllText(sdlPath);
        var schema = Schema.For(sdl, b =>
        {
            b.IgnoreComments = true;
            b.Types.ForAll(t => t.IsTypeOfFunc = _ => true);
        });
        foreach (var scalar in Parser.Parse(sdl).Definitions.OfType<GraphQLScalarTypeDefinition>())
        {
            schema.RegisterType(new OpaqueScalarGraphType(scalar.Name.StringValue));
        }

        schema.Initialize();
        return new GraphQlContract(schema);
    }

    /// <summary>The validation errors of <paramref name="request"/> (a GraphQL HTTP body: query + variables); empty when it conforms.</summary>
    public async Task<IReadOnlyList<string>> ValidateAsync(JsonElement request)
    {
        var query = request.GetProperty("query").GetString() ?? string.Empty;
        GraphQLDocument document;
        try
        {
            document = Parser.Parse(query);
        }
        catch (GraphQLParser.Exceptions.GraphQLSyntaxErrorException e)
        {
            return [e.Message];
        }

        var operation = document.Definitions.OfType<GraphQLOperationDefinition>().Single();
        var variables = request.TryGetProperty("variables", out var v) && v.ValueKind == JsonValueKind.Object
            ? ((Dictionary<string, object?>)ToObject(v)!).ToInputs()
            : Inputs.Empty;
        var result = await new DocumentValidator().ValidateAsync(new ValidationOptions
        {
            Schema = _schema,
            Document = document,
            Operation = operation,
            Rules = DocumentValidator.CoreRules,
            Variables = variables,
        });
        return result.Errors.Select(e => e.Message).ToList();
    }

    private static object? ToObject(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => e.EnumerateObject().ToDictionary(p => p.Name, p => ToObject(p.Value)),
        JsonValueKind.Array => e.EnumerateArray().Select(ToObject).ToList(),
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Number => e.TryGetInt32(out var i) ? i : e.TryGetInt64(out var l) ? (object)l : e.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}

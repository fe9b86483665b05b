using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace Omnichannel.Channels.Tests.Contracts;

/// <summary>
/// A published OpenAPI document (Swagger 2.0 or OpenAPI 3.x, read by Microsoft.OpenApi) and checks of the
/// requests we build and the answers we parse against one of its operations: method, path template (with the
/// base path of the spec's server), query and header parameters (required present, none unknown), and bodies
/// validated as JSON Schema 2020-12 (the document re-serialized as OpenAPI 3.1, so <c>nullable</c> becomes a
/// null type) by JsonSchema.Net.
/// </summary>
public sealed partial class OpenApiContract
{
    private readonly OpenApiDocument _document;
    private readonly JsonObject _defs;
    private readonly string _basePath;

    private OpenApiContract(OpenApiDocument document, JsonObject defs, string basePath)
    {
        _document = document;
        _defs = defs;
        _basePath = basePath;
    }

    public static OpenApiContract Load(string path)
    {
        var text = File.ReadAllText(path);
        var read = OpenApiDocument.Parse(text, Path.GetExtension(path).TrimStart('.'), new OpenApiReaderSettings());
        var document = read.Document ?? throw new InvalidOperationException($"{path}: {string.Join("; ", read.Diagnostic?.Errors.Select(e => e.Message) ?? [])}");
        using var writer = new StringWriter();
        document.SerializeAsV31(new OpenApiJsonWriter(writer));
        var v31 = JsonNode.Parse(writer.ToString())!.AsObject();
        var schemas = v31["components"]?["schemas"]?.AsObject() ?? [];
        var defs = JsonNode.Parse(RefPattern().Replace(schemas.ToJsonString(), "\"$ref\":\"#/$defs/"))!.AsObject();
        var server = document.Servers?.FirstOrDefault();
        var basePath = server is null ? string.Empty : BasePath(server);
        return new OpenApiContract(document, defs, basePath);
    }

    /// <summary>Method, path, query and headers of a request against operation <paramref name="operationId"/>, and its body against the operation's request schema.</summary>
    public IReadOnlyList<string> CheckRequest(string operationId, string method, string pathAndQuery, IReadOnlyDictionary<string, string> headers, string body)
    {
        var (template, verb, operation, pathParameters) = Find(operationId);
        var errors = new List<string>();
        if (!string.Equals(verb.ToString(), method, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add($"method {method}, the spec says {verb}");
        }

        var split = pathAndQuery.Split('?', 2);
        var pattern = "^" + Regex.Escape(_basePath + template).Replace("\\{", "{", StringComparison.Ordinal).Replace("}", "}", StringComparison.Ordinal);
        pattern = ParameterPattern().Replace(pattern, "[^/]+") + "$";
        if (!Regex.IsMatch(split[0], pattern))
        {
            errors.Add($"path {split[0]} does not match {_basePath}{template}");
        }

        var parameters = operation.Parameters?.Concat(pathParameters ?? []).ToList() ?? pathParameters?.ToList() ?? [];
        var query = split.Length > 1 ? split[1].Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => Uri.UnescapeDataString(p.Split('=', 2)[0])).ToList() : [];
        foreach (var name in query.Where(q => !parameters.Any(p => p.In == ParameterLocation.Query && p.Name == q)))
        {
            errors.Add($"query parameter '{name}' is not in the spec");
        }

        foreach (var p in parameters.Where(p => p.Required && p.In == ParameterLocation.Query && !query.Contains(p.Name!)))
        {
            errors.Add($"required query parameter '{p.Name}' missing");
        }

        foreach (var p in parameters.Where(p => p.Required && p.In == ParameterLocation.Header && !headers.ContainsKey(p.Name!)))
        {
            errors.Add($"required header '{p.Name}' missing");
        }

        var content = operation.RequestBody?.Content?.FirstOrDefault(c => c.Key.Contains("json", StringComparison.OrdinalIgnoreCase)).Value;
        if (content?.Schema is { } schema)
        {
            errors.AddRange(string.IsNullOrEmpty(body) ? ["request body missing"] : Validate(schema, body));
        }
        else if (!string.IsNullOrEmpty(body))
        {
            errors.Add("a body is sent, the spec has none");
        }

        return errors;
    }

    /// <summary>The JSON answer of operation <paramref name="operationId"/> with <paramref name="status"/> against its response schema.</summary>
    public IReadOnlyList<string> CheckResponse(string operationId, int status, string body)
    {
        var (_, _, operation, _) = Find(operationId);
        var response = operation.Responses?.FirstOrDefault(r => r.Key == status.ToString(System.Globalization.CultureInfo.InvariantCulture)).Value
            ?? throw new InvalidOperationException($"{operationId} has no {status} response");
        var schema = response.Content?.FirstOrDefault(c => c.Key.Contains("json", StringComparison.OrdinalIgnoreCase)).Value?.Schema
            ?? throw new InvalidOperationException($"{operationId} {status} has no JSON schema");
        return Validate(schema, body);
    }

    /// <summary>A JSON body against the named component schema.</summary>
    public IReadOnlyList<string> CheckSchema(string schemaName, string body) => Evaluate(new JsonObject { ["$ref"] = $"#/$defs/{schemaName}" }, body);

    /// <summary>The examples the spec gives for an operation's answer (empty when it gives none).</summary>
    public IReadOnlyList<string> ResponseExamples(string operationId, int status)
    {
        var (_, _, operation, _) = Find(operationId);
        var media = operation.Responses?.FirstOrDefault(r => r.Key == status.ToString(System.Globalization.CultureInfo.InvariantCulture)).Value?.Content?.Values.FirstOrDefault();
        var examples = new List<string>();
        if (media?.Example is { } one)
        {
            examples.Add(one.ToJsonString());
        }

        examples.AddRange(media?.Examples?.Values.Select(e => e.Value?.ToJsonString()).OfType<string>() ?? []);
        return examples;
    }

    private IReadOnlyList<string> Validate(IOpenApiSchema schema, string body)
    {
        using var writer = new StringWriter();
        schema.SerializeAsV31(new OpenApiJsonWriter(writer));
        var node = JsonNode.Parse(RefPattern().Replace(writer.ToString(), "\"$ref\":\"#/$defs/"))!.AsObject();
        return Evaluate(node, body);
    }

    private IReadOnlyList<string> Evaluate(JsonObject schema, string body)
    {
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema";
        schema["$defs"] = _defs.DeepClone();
        var built = JsonSchema.FromText(schema.ToJsonString(), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
        using var instance = JsonDocument.Parse(body);
        var result = built.Evaluate(instance.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return result.IsValid ? [] : (result.Details ?? []).Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")).Distinct().ToList();
    }

    private (string Template, HttpMethod Method, OpenApiOperation Operation, IList<IOpenApiParameter>? PathParameters) Find(string operationId)
    {
        foreach (var (template, item) in _document.Paths)
        {
            foreach (var (method, operation) in item.Operations ?? [])
            {
                if (operation.OperationId == operationId)
                {
                    return (template, method, operation, item.Parameters);
                }
            }
        }

        throw new InvalidOperationException($"operation {operationId} is not in the spec");
    }

    private static string BasePath(OpenApiServer server)
    {
        var url = server.Url ?? string.Empty;
        foreach (var (name, variable) in server.Variables ?? new Dictionary<string, OpenApiServerVariable>())
        {
            url = url.Replace("{" + name + "}", variable.Default, StringComparison.Ordinal);
        }

        return Uri.TryCreate(url, UriKind.Absolute, out var absolute) ? absolute.AbsolutePath.TrimEnd('/') : url.TrimEnd('/');
    }

    [GeneratedRegex("\"\\$ref\"\\s*:\\s*\"#/components/schemas/")]
    private static partial Regex RefPattern();

    [GeneratedRegex("{[^/}]+}")]
    private static partial Regex ParameterPattern();
}

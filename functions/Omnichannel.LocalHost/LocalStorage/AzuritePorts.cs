namespace Omnichannel.LocalHost.LocalStorage;

/// <summary>The three loopback ports Azurite listens on.</summary>
public sealed record AzuritePorts(int Blob, int Queue, int Table)
{
    /// <summary>The ports the Functions tooling and <c>UseDevelopmentStorage=true</c> expect.</summary>
    public static AzuritePorts Default { get; } = new(10000, 10001, 10002);

    /// <summary>Azurite's well-known development account; public by design, not a secret.</summary>
    public const string AccountName = "devstoreaccount1";

    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{Blob}/{AccountName};" +
        $"QueueEndpoint=http://127.0.0.1:{Queue}/{AccountName};" +
        $"TableEndpoint=http://127.0.0.1:{Table}/{AccountName};";

    public IEnumerable<int> All => [Blob, Queue, Table];
}

namespace Omnichannel.Hosting.Http;

/// <summary>The words of the 503 both hosts' error paths answer while storage is unreachable (with <c>Retry-After</c>).</summary>
public static class StorageProblem
{
    public const string Title = "Storage unavailable";

    public const string Detail = "The hub cannot reach its storage right now; retry after the number of seconds in Retry-After.";
}

using Azure;

namespace Omnichannel.Storage.Errors;

/// <summary>
/// A storage call that failed, with the service's status and error code kept so callers can decide
/// without parsing messages. Raised only by <see cref="StorageCall"/>.
/// </summary>
public sealed class StorageException(int status, string? errorCode, string message, Exception? inner = null)
    : Exception(message, inner)
{
    /// <summary>The error code of a read-modify-write loop that gave up after its last <see cref="StorageRetry"/> signal.</summary>
    public const string RetriesExhausted = "RetriesExhausted";

    public int Status { get; } = status;

    public string? ErrorCode { get; } = errorCode;

    /// <summary>409: the entity, blob or queue already exists; for an insert this means "seen before".</summary>
    public bool IsConflict => Status == 409;

    /// <summary>412: an ETag or lease condition no longer holds; the caller re-reads and retries.</summary>
    public bool IsPreconditionFailed => Status == 412;

    public bool IsNotFound => Status == 404;

    internal static StorageException From(RequestFailedException e) =>
        new(e.Status, e.ErrorCode, $"Storage request failed with {e.Status} {e.ErrorCode}.", e);

    internal static StorageException Exhausted(int attempts, StorageRetry last) =>
        new(412, RetriesExhausted, $"Gave up after {attempts} attempts, each asking to re-read and run again; last: {last.Message}", last);
}

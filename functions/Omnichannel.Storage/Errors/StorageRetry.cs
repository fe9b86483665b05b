namespace Omnichannel.Storage.Errors;

/// <summary>
/// The explicit "re-read and run again" signal of a read-modify-write step run by
/// <see cref="StorageCall.RetryOnConflictAsync{T}"/>: a step throws <see cref="StorageCall.Retry"/> when what it read
/// no longer holds (another writer created the row first, a balance appeared meanwhile). Only the loop catches it;
/// once its attempts are spent the loop throws <see cref="StorageException"/> with status 412 and error code
/// <see cref="StorageException.RetriesExhausted"/>, this signal inside.
/// </summary>
public sealed class StorageRetry : Exception
{
    public StorageRetry()
        : base("The step asked to be run again.")
    {
    }

    public StorageRetry(string message)
        : base(message)
    {
    }

    public StorageRetry(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

using Azure;

namespace Omnichannel.Storage.Errors;

/// <summary>
/// The one place that turns the SDK's <see cref="RequestFailedException"/> into the hub's answers:
/// 409 means "seen before", 412 means "someone else wrote first, retry", 404 means "absent".
/// </summary>
public static class StorageCall
{
    /// <summary>Runs a storage call and rethrows any service failure as <see cref="StorageException"/>.</summary>
    public static async Task<T> RunAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (RequestFailedException e)
        {
            throw StorageException.From(e);
        }
    }

    /// <summary>Runs a storage call and rethrows any service failure as <see cref="StorageException"/>.</summary>
    public static async Task RunAsync(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (RequestFailedException e)
        {
            throw StorageException.From(e);
        }
    }

    /// <summary>
    /// Runs an insert-style call. Returns true when it wrote, false when the target already existed (409):
    /// the caller treats that as "seen before" instead of checking first and racing.
    /// </summary>
    public static async Task<bool> TryCreateAsync(Func<Task> call)
    {
        try
        {
            await call();
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
        catch (RequestFailedException e)
        {
            throw StorageException.From(e);
        }
    }

    /// <summary>Runs a read that may find nothing: 404 gives <c>default</c>.</summary>
    public static async Task<T?> TryGetAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return default;
        }
        catch (RequestFailedException e)
        {
            throw StorageException.From(e);
        }
    }

    /// <summary>
    /// Runs an ETag-conditional write (an update, delete or transaction under the ETags just read). Returns true when
    /// it wrote, false when the condition no longer holds (412) or the target is gone (404): someone else changed it
    /// first, and the caller treats that as lost, not as a failure.
    /// </summary>
    public static async Task<bool> TryConditionalAsync(Func<Task> call)
    {
        try
        {
            await call();
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return false;
        }
        catch (RequestFailedException e)
        {
            throw StorageException.From(e);
        }
    }

    /// <summary>
    /// The signal a step of <see cref="RetryOnConflictAsync{T}"/> throws to be re-run: <c>throw StorageCall.Retry(...)</c>
    /// when what it read no longer holds (another writer created the row first). <paramref name="cause"/> is kept.
    /// </summary>
    public static StorageRetry Retry(string reason, Exception? cause = null) => cause is null ? new(reason) : new(reason, cause);

    /// <summary>
    /// Runs a read-modify-write step until it commits. A 412 (stale ETag) or a <see cref="Retry"/> signal re-runs the
    /// whole step, which must re-read what it depends on; any other failure propagates. Gives up after
    /// <paramref name="maxAttempts"/> so a pathological hot spot surfaces instead of spinning: a 412 then propagates
    /// as <see cref="StorageException"/> 412, a retry signal as <see cref="StorageException"/> 412
    /// <see cref="StorageException.RetriesExhausted"/>.
    /// </summary>
    public static async Task<T> RetryOnConflictAsync<T>(Func<Task<T>> step, int maxAttempts = 100)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await step();
            }
            catch (RequestFailedException e) when (e.Status == 412 && attempt < maxAttempts)
            {
            }
            catch (StorageException e) when (e.IsPreconditionFailed && attempt < maxAttempts)
            {
            }
            catch (StorageRetry) when (attempt < maxAttempts)
            {
            }
            catch (StorageRetry e)
            {
                throw StorageException.Exhausted(maxAttempts, e);
            }
            catch (RequestFailedException e)
            {
                throw StorageException.From(e);
            }
        }
    }
}

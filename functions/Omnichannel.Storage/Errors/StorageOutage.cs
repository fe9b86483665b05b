using System.Net.Sockets;
using Azure;

namespace Omnichannel.Storage.Errors;

/// <summary>
/// The one classification of "storage is unreachable" for every caller: the error path of both hosts (503 with
/// <c>Retry-After</c>), the trigger listeners (back off and resume) and the health report. Storage is taken to be
/// down when a failure, or anything it wraps, is a transport failure (no answer: connection refused or reset, DNS,
/// a network timeout, which the SDK reports as status 0 or, once its retries are spent, as an
/// <see cref="AggregateException"/> of them) or the service saying it is busy (503 ServerBusy, 500
/// OperationTimedOut). A 4xx answer is never an outage: storage answered.
/// </summary>
public static class StorageOutage
{
    /// <summary>Seconds a caller is asked to wait (<c>Retry-After</c>) when storage is unreachable.</summary>
    public const int RetryAfterSeconds = 5;

    /// <summary>True when <paramref name="exception"/> means storage could not be reached (see the type's summary).</summary>
    public static bool Is(Exception? exception) => Is(exception, depth: 0);

    /// <summary>No answer (0), ServerBusy (503) or a server-side timeout; a plain 500 may be our own bad input, so it is not one.</summary>
    private static bool IsBusy(int status, string? errorCode) =>
        status is 0 or 503 || (status == 500 && errorCode == "OperationTimedOut");

    private static bool Is(Exception? exception, int depth)
    {
        if (exception is null || depth > 8)
        {
            return false;
        }

        return exception switch
        {
            AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(e => Is(e, depth + 1) || e is OperationCanceledException),
            RequestFailedException failed => IsBusy(failed.Status, failed.ErrorCode) || Is(failed.InnerException, depth + 1),
            StorageException storage => IsBusy(storage.Status, storage.ErrorCode) || Is(storage.InnerException, depth + 1),
            HttpRequestException or SocketException => true,
            IOException io when io.InnerException is SocketException => true,
            _ => Is(exception.InnerException, depth + 1),
        };
    }
}

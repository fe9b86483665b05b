using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Omnichannel.Hosting.Validation;

namespace Omnichannel.Hosting.Http;

/// <summary>
/// The hub's problem+json answers for what a caller got wrong, one title per status so a client can rely on it:
/// 400 lists every field error at once (<c>errors.{field}</c>, their sentences joined in <c>detail</c>); 404 says
/// "No {what} '{id}'."; 409 a state that refuses the request; 422 a request understood but not processable.
/// The specific reason is in <c>detail</c> and, where a feature adds one, in extension members.
/// </summary>
public static class Problems
{
    public const string InvalidTitle = "The request is not valid.";
    public const string NotFoundTitle = "Not found";
    public const string ConflictTitle = "Conflict";
    public const string UnprocessableTitle = "Not processable";

    /// <summary>400 with every error in <paramref name="errors"/>.</summary>
    public static ProblemHttpResult Invalid(FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return TypedResults.Problem(new HttpValidationProblemDetails(errors.ToDictionary())
        {
            Status = StatusCodes.Status400BadRequest,
            Title = InvalidTitle,
            Detail = errors.ToString(),
        });
    }

    /// <summary>400 for one field.</summary>
    public static ProblemHttpResult Invalid(string field, string message)
    {
        var errors = new FieldErrors();
        errors.Add(field, message);
        return Invalid(errors);
    }

    /// <summary>A 400 naming <paramref name="field"/> and the <see cref="SafeId"/> rule when a route or query id breaks it (checked before any storage call), else null.</summary>
    public static ProblemHttpResult? BadId(string field, string? value, int maxLength = SafeId.DefaultMaxLength)
    {
        var errors = new FieldErrors();
        errors.Id(field, value, maxLength);
        return errors.Any ? Invalid(errors) : null;
    }

    /// <summary>404: "No {what} '{id}'.", then <paramref name="hint"/> when there is one (what to do instead).</summary>
    public static ProblemHttpResult NotFound(string what, string? id, string? hint = null, IDictionary<string, object?>? extensions = null)
    {
        var detail = id is null ? $"No {what}." : $"No {what} '{id}'.";
        return TypedResults.Problem(hint is null ? detail : $"{detail} {hint}", statusCode: StatusCodes.Status404NotFound, title: NotFoundTitle, extensions: extensions);
    }

    /// <summary>409: the resource's state refuses the request (a flow that has ended, a shortfall).</summary>
    public static ProblemHttpResult Conflict(string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: ConflictTitle, extensions: extensions);

    /// <summary>422: understood but not processable as sent (a reused idempotency key, a payload still unreadable).</summary>
    public static ProblemHttpResult Unprocessable(string? detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status422UnprocessableEntity, title: UnprocessableTitle, extensions: extensions);
}

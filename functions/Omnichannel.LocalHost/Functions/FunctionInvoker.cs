using System.Globalization;
using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Omnichannel.LocalHost.Functions;

/// <summary>
/// Calls one <c>[Function]</c> method with its arguments bound as the worker binds them, for the parameter shapes the
/// local host supports: the trigger value, <see cref="CancellationToken"/>, <c>[DurableClient] DurableTaskClient</c>
/// (from DI), and named values (HTTP route parameters) converted to string, numbers, bool or Guid. The instance of an
/// instance method is created from the invocation's DI scope, as the worker's function activator does.
/// </summary>
public sealed class FunctionInvoker
{
    private static readonly Type[] NamedValueTypes = [typeof(string), typeof(int), typeof(long), typeof(bool), typeof(Guid), typeof(decimal), typeof(double)];

    private readonly LocalFunction _function;
    private readonly ObjectFactory? _create;
    private readonly Func<Invocation, object?>[] _arguments;
    private readonly PropertyInfo? _taskResult;

    public FunctionInvoker(LocalFunction function, ISet<string>? namedValues = null)
    {
        ArgumentNullException.ThrowIfNull(function);
        _function = function;
        var method = function.Method;
        _create = method.IsStatic ? null : ActivatorUtilities.CreateFactory(method.DeclaringType!, []);
        _arguments = method.GetParameters().Select(p => Bind(function, p, namedValues)).ToArray();
        var returns = method.ReturnType;
        _taskResult = returns.IsGenericType && (returns.GetGenericTypeDefinition() == typeof(Task<>) || returns.GetGenericTypeDefinition() == typeof(ValueTask<>))
            ? returns.GetProperty(nameof(Task<object>.Result))
            : null;
    }

    /// <summary>The type the method produces once awaited (<see cref="void"/> for none).</summary>
    public Type ResultType => _function.Method.ReturnType switch
    {
        var t when t == typeof(Task) || t == typeof(ValueTask) || t == typeof(void) => typeof(void),
        var t when t.IsGenericType && (t.GetGenericTypeDefinition() == typeof(Task<>) || t.GetGenericTypeDefinition() == typeof(ValueTask<>)) => t.GetGenericArguments()[0],
        var t => t,
    };

    /// <summary>Runs the function once and returns what it returned (awaited), or null.</summary>
    public async Task<object?> InvokeAsync(Invocation invocation)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var target = _create?.Invoke(invocation.Services, null);
        var arguments = _arguments.Select(a => a(invocation)).ToArray();
        object? returned;
        try
        {
            returned = _function.Method.Invoke(target, arguments);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }

        switch (returned)
        {
            case Task task:
                await task;
                return _taskResult?.GetValue(task);
            case ValueTask valueTask:
                await valueTask;
                return null;
            case null:
                return null;
            default:
                if (_taskResult is not null)
                {
                    // ValueTask<T>: box-unfriendly; turn it into a Task to await it.
                    var asTask = (Task)returned.GetType().GetMethod(nameof(ValueTask<object>.AsTask))!.Invoke(returned, null)!;
                    await asTask;
                    return asTask.GetType().GetProperty(nameof(Task<object>.Result))!.GetValue(asTask);
                }

                return returned;
        }
    }

    private static Func<Invocation, object?> Bind(LocalFunction function, ParameterInfo parameter, ISet<string>? namedValues)
    {
        // By position: ParameterInfo instances of one method are not guaranteed to be the same objects across threads.
        if (parameter.Position == function.Trigger.Position)
        {
            return i => i.Trigger(parameter.ParameterType);
        }

        if (parameter.ParameterType == typeof(CancellationToken))
        {
            return i => i.CancellationToken;
        }

        if (parameter.GetCustomAttribute<DurableClientAttribute>() is not null)
        {
            if (parameter.ParameterType != typeof(DurableTaskClient))
            {
                throw Unsupported(function, parameter, "a [DurableClient] parameter must be a DurableTaskClient");
            }

            return i => i.Services.GetRequiredService<DurableTaskClient>();
        }

        var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
        if (namedValues is not null && namedValues.Contains(parameter.Name!) && NamedValueTypes.Contains(type))
        {
            return i => Convert(i.NamedValue?.Invoke(parameter.Name!), parameter, type);
        }

        throw Unsupported(function, parameter, namedValues is null
            ? "the local host binds only the trigger, CancellationToken and [DurableClient] DurableTaskClient here"
            : "it is neither the trigger, a CancellationToken, a [DurableClient] DurableTaskClient nor a route parameter of a supported type");
    }

    private static object? Convert(string? value, ParameterInfo parameter, Type type)
    {
        if (value is null)
        {
            return parameter.ParameterType.IsValueType && Nullable.GetUnderlyingType(parameter.ParameterType) is null
                ? throw new RouteValueException(parameter.Name!, "is missing")
                : null;
        }

        try
        {
            return type == typeof(string) ? value
                : type == typeof(Guid) ? Guid.Parse(value, CultureInfo.InvariantCulture)
                : System.Convert.ChangeType(value, type, CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is FormatException or OverflowException or InvalidCastException)
        {
            throw new RouteValueException(parameter.Name!, $"is not a valid {type.Name}", e);
        }
    }

    private static UnsupportedFunctionException Unsupported(LocalFunction function, ParameterInfo parameter, string why) =>
        new($"Function {function}: parameter '{parameter.Name}' ({parameter.ParameterType.Name}) cannot be bound: {why}.");
}

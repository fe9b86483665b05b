using System.Reflection;
using System.Runtime.ExceptionServices;

namespace Omnichannel.LocalHost.Durable;

/// <summary>
/// Calls a durable function's method: static, or on an instance created with <see cref="ActivatorUtilities"/>
/// from the given scope (one fresh scope per activity run and per orchestrator episode).
/// </summary>
internal static class DurableFunctionInvoker
{
    public static async Task<object?> InvokeAsync(DurableFunction function, IServiceProvider scope, object?[] arguments)
    {
        var method = function.Method;
        var target = method.IsStatic ? null : ActivatorUtilities.CreateInstance(scope, method.DeclaringType!);
        object? returned;
        try
        {
            returned = method.Invoke(target, BindingFlags.DoNotWrapExceptions, binder: null, arguments, culture: null);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }

        try
        {
            return await ReturnShape.AwaitAsync(returned, method.ReturnType);
        }
        finally
        {
            switch (target)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync();
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }
    }
}

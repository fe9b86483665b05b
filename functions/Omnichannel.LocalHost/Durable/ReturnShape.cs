using System.Reflection;

namespace Omnichannel.LocalHost.Durable;

/// <summary>How a durable function's return value is awaited: <c>Task</c>, <c>Task&lt;T&gt;</c>, <c>ValueTask</c>, <c>ValueTask&lt;T&gt;</c>, <c>T</c> or <c>void</c>.</summary>
internal static class ReturnShape
{
    /// <summary>The type of the value the function produces (<c>void</c> for none); throws for a shape not served.</summary>
    public static Type Of(Type returnType, string functionName)
    {
        if (returnType == typeof(Task) || returnType == typeof(ValueTask) || returnType == typeof(void))
        {
            return typeof(void);
        }

        if (returnType.IsGenericType && (returnType.GetGenericTypeDefinition() == typeof(Task<>) || returnType.GetGenericTypeDefinition() == typeof(ValueTask<>)))
        {
            return returnType.GetGenericArguments()[0];
        }

        if (typeof(Task).IsAssignableFrom(returnType) || returnType.IsByRef || returnType.IsPointer ||
            returnType.GetMethod(nameof(Task.GetAwaiter), BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes) is not null)
        {
            throw new InvalidOperationException($"Function '{functionName}': return type {returnType.Name} is not served (use Task, Task<T>, ValueTask, ValueTask<T>, T or void).");
        }

        return returnType;
    }

    /// <summary>Awaits what the method returned and gives its value (null for none); <paramref name="declared"/> is the method's return type.</summary>
    public static async Task<object?> AwaitAsync(object? returned, Type declared)
    {
        switch (returned)
        {
            case null:
                return null;
            case Task task:
                await task;
                return declared.IsGenericType && declared.GetGenericTypeDefinition() == typeof(Task<>)
                    ? declared.GetProperty(nameof(Task<object>.Result))!.GetValue(task)
                    : null;
            case ValueTask valueTask:
                await valueTask;
                return null;
        }

        if (declared.IsGenericType && declared.GetGenericTypeDefinition() == typeof(ValueTask<>))
        {
            var asTask = (Task)declared.GetMethod(nameof(ValueTask<object>.AsTask))!.Invoke(returned, null)!;
            return await AwaitAsync(asTask, typeof(Task<>).MakeGenericType(declared.GetGenericArguments()[0]));
        }

        return returned;
    }
}

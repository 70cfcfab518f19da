using System.Reflection;
using BenchmarkDotNet.Attributes;

namespace Authing.DocsGen.Benchmarks.Infrastructure;

/// <summary>
/// Smoke mode: runs every <c>[Benchmark]</c> method of a class once, untimed, with its setup and cleanup, as
/// BenchmarkDotNet would (GlobalSetup, IterationSetup, the method, IterationCleanup, GlobalCleanup). A <c>Pages</c>
/// parameter is set to a small N so that CI stays fast. Used by <c>dotnet run -- smoke</c> and by the tests.
/// </summary>
public static class SmokeRunner
{
    /// <summary>Every class in this assembly with a benchmark method.</summary>
    public static IReadOnlyList<Type> BenchmarkTypes { get; } = typeof(SmokeRunner).Assembly.GetTypes()
        .Where(t => t.IsClass && !t.IsAbstract && t.GetMethods().Any(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .ToList();

    public static IReadOnlyList<MethodInfo> BenchmarkMethods(Type type) => type.GetMethods()
        .Where(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null)
        .OrderBy(m => m.Name, StringComparer.Ordinal)
        .ToList();

    /// <summary>Runs each benchmark method of <paramref name="type"/> once and returns what each returned (awaited).</summary>
    public static async Task<IReadOnlyDictionary<string, object?>> RunAsync(Type type, int pages)
    {
        var instance = Activator.CreateInstance(type)!;
        var pagesProperty = type.GetProperty("Pages");
        pagesProperty?.SetValue(instance, pages);
        await InvokeAll<GlobalSetupAttribute>(instance);
        var results = new Dictionary<string, object?>(StringComparer.Ordinal);
        try
        {
            foreach (var method in BenchmarkMethods(type))
            {
                await InvokeAll<IterationSetupAttribute>(instance);
                results[method.Name] = await Await(method.Invoke(instance, null));
                await InvokeAll<IterationCleanupAttribute>(instance);
            }
        }
        finally
        {
            await InvokeAll<GlobalCleanupAttribute>(instance);
        }

        return results;
    }

    private static async Task InvokeAll<TAttribute>(object instance)
        where TAttribute : Attribute
    {
        foreach (var method in instance.GetType().GetMethods().Where(m => m.GetCustomAttribute<TAttribute>() is not null))
        {
            await Await(method.Invoke(instance, null));
        }
    }

    private static async Task<object?> Await(object? value)
    {
        switch (value)
        {
            case Task task:
                await task.ConfigureAwait(false);
                var result = task.GetType().GetProperty("Result");
                return result is not null && task.GetType().IsGenericType ? result.GetValue(task) : null;
            case ValueTask valueTask:
                await valueTask.ConfigureAwait(false);
                return null;
            default:
                return value;
        }
    }
}

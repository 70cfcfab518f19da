using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text;
using Scriban.Runtime;

namespace Authing.DocsGen.Emitting;

/// <summary>
/// Binds a view record to Scriban: its public properties become snake_case members (<c>ModelsNamespace</c> →
/// <c>models_namespace</c>), nested views and arrays become Scriban objects and arrays. Scriban's own binding of .NET
/// objects reads every member through reflection on every access (a fifth of a cold run when measured); here each
/// property is read once, through a delegate created once per view type.
/// </summary>
internal static class ViewBinder
{
    private static readonly ConcurrentDictionary<Type, (string Name, Func<object, object?> Get)[]> s_members = new();

    private static readonly MethodInfo s_getter = typeof(ViewBinder).GetMethod(nameof(Getter), BindingFlags.NonPublic | BindingFlags.Static)!;

    public static ScriptObject Bind(object view)
    {
        var bound = new ScriptObject();
        foreach (var (name, get) in s_members.GetOrAdd(view.GetType(), Members))
        {
            bound.SetValue(name, Value(get(view)), readOnly: true);
        }

        return bound;
    }

    private static object? Value(object? value) => value switch
    {
        null or string => value,
        _ when value.GetType().IsPrimitive || value is Enum => value,
        IEnumerable items => new ScriptArray(items.Cast<object?>().Select(Value)),
        _ => Bind(value),
    };

    private static (string, Func<object, object?>)[] Members(Type type) => type
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.GetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0)
        .Select(p => (SnakeCase(p.Name), (Func<object, object?>)s_getter.MakeGenericMethod(type, p.PropertyType).Invoke(null, new object[] { p.GetMethod! })!))
        .ToArray();

    private static Func<object, object?> Getter<TView, TValue>(MethodInfo getter)
    {
        var typed = (Func<TView, TValue>)Delegate.CreateDelegate(typeof(Func<TView, TValue>), getter);
        return view => typed((TView)view);
    }

    private static string SnakeCase(string name)
    {
        var snake = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                snake.Append('_');
            }

            snake.Append(char.ToLowerInvariant(name[i]));
        }

        return snake.ToString();
    }
}

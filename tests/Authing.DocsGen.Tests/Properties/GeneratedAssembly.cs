using System.Collections;
using System.Collections.Immutable;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Authing.DocsGen.Tests.Infrastructure;
using Authing.Sdk.Runtime;
using Microsoft.CodeAnalysis;

namespace Authing.DocsGen.Tests.Properties;

/// <summary>Runs the generator over pages, compiles what it generates and loads it, so tests can read JSON with the generated converters.</summary>
public sealed class GeneratedAssembly
{
    private GeneratedAssembly(Assembly? assembly, ImmutableArray<Diagnostic> generatorDiagnostics, IReadOnlyList<Diagnostic> problems, IReadOnlyList<GeneratedSourceResult> sources)
    {
        Assembly = assembly;
        GeneratorDiagnostics = generatorDiagnostics;
        Problems = problems;
        Sources = sources;
    }

    /// <summary>The loaded assembly; null when the generated code has errors.</summary>
    public Assembly? Assembly { get; }

    /// <summary>What the generator reported: ADG diagnostics, and CS8785 when it threw.</summary>
    public ImmutableArray<Diagnostic> GeneratorDiagnostics { get; }

    /// <summary>Warnings and errors of the generated code, compiled as a project with warnings as errors and XML docs on compiles it.</summary>
    public IReadOnlyList<Diagnostic> Problems { get; }

    public IReadOnlyList<GeneratedSourceResult> Sources { get; }

    public static GeneratedAssembly Build(IEnumerable<TestPage> pages, IReadOnlyDictionary<string, string>? projectOptions = null)
    {
        var driver = GeneratorHarness.CreateDriver(pages, projectOptions, out _).WithUpdatedParseOptions(OutputChecks.ParseOptions);
        driver = driver.RunGeneratorsAndUpdateCompilation(GeneratorHarness.EmptyCompilation(), out var compilation, out var generatorDiagnostics);
        var problems = compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();

        // Load what compiles even with warnings, so that a runtime defect can be shown next to a compile-time one.
        var lenient = compilation.WithOptions(compilation.Options.WithGeneralDiagnosticOption(ReportDiagnostic.Default));
        using var image = new MemoryStream();
        var emitted = lenient.Emit(image);
        var assembly = emitted.Success ? Assembly.Load(image.ToArray()) : null;
        return new GeneratedAssembly(assembly, generatorDiagnostics, problems, driver.GetRunResult().Results.Single().GeneratedSources);
    }

    public string DescribeProblems() =>
        string.Join("\n", GeneratorDiagnostics.Where(d => !d.Id.StartsWith("ADG", StringComparison.Ordinal)).Concat(Problems).Take(20));

    public Type Model(string name) =>
        Assembly?.GetType("Authing.Sdk.Models." + name) ?? throw new Xunit.Sdk.XunitException(
            Assembly is null
                ? $"No generated type Authing.Sdk.Models.{name}; the generated code does not compile:\n{DescribeProblems()}"
                : $"No generated type Authing.Sdk.Models.{name}. Generated: {string.Join(", ", Sources.Select(s => s.HintName))}\nGenerator said: {string.Join("\n", GeneratorDiagnostics.Take(10))}");

    /// <summary>Reads <paramref name="json"/> as the generated type <paramref name="typeName"/> with its generated converter.</summary>
    public object? Read(string typeName, string json)
    {
        var type = Model(typeName);
        var converter = Model(typeName + "JsonConverter").GetProperty("Instance")!.GetValue(null)!;
        try
        {
            return typeof(GeneratedAssembly).GetMethod(nameof(ReadWith), BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(type)
                .Invoke(null, new[] { converter, json });
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            throw new Xunit.Sdk.XunitException($"Reading {typeName} threw {ex.InnerException.GetType().Name}: {ex.InnerException.Message}\n{ex.InnerException.StackTrace}");
        }
    }

    /// <summary>A value along a path of property names and list indexes: <c>Data.Children[0].DepartmentId</c>.</summary>
    public static object? Get(object? value, string path)
    {
        foreach (var part in path.Split('.'))
        {
            var name = part;
            int? index = null;
            if (part.EndsWith(']'))
            {
                var open = part.IndexOf('[', StringComparison.Ordinal);
                index = int.Parse(part[(open + 1)..^1], System.Globalization.CultureInfo.InvariantCulture);
                name = part[..open];
            }

            Assert.NotNull(value);
            var property = value!.GetType().GetProperty(name) ?? throw new Xunit.Sdk.XunitException($"{value.GetType().Name} has no property {name}");
            value = property.GetValue(value);
            if (index is { } i)
            {
                value = ((IList)value!)[i];
            }
        }

        return value;
    }

    private static T? ReadWith<T>(JsonConverter<T> converter, string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return converter.Read(ref reader, typeof(T), AuthingJson.Options);
    }
}

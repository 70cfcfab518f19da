using CsCheck;
using Xunit.Abstractions;

namespace Authing.DocsGen.Tests.Properties;

/// <summary>
/// How many cases a property runs, and with which seed. CI runs the defaults; a local soak run raises them:
/// <code>
/// DOCSGEN_PROPERTY_CASES=1000000 dotnet test --filter "FullyQualifiedName~Properties"
/// </code>
/// A failure prints <c>Set seed: "…"</c>; replay exactly that case with <c>CsCheck_Seed=… dotnet test --filter …</c>
/// (or <c>DOCSGEN_PROPERTY_SEED</c>, which only the docs-generator properties read).
/// </summary>
public static class PropertyRun
{
    /// <summary>Cases for the cheap per-page properties (no-throw, parse, token safety): 10,000 unless overridden.</summary>
    public static long Cases { get; } = Read("DOCSGEN_PROPERTY_CASES", 10_000);

    /// <summary>Batches for the compile properties, each a whole Roslyn compilation: a fixed share of <see cref="Cases"/>.</summary>
    public static long CompileBatches { get; } = Math.Max(4, Cases / 500);

    /// <summary>Pages per compiled batch.</summary>
    public const int PagesPerBatch = 24;

    /// <summary>An explicit seed to replay, if any; otherwise CsCheck picks one (and honours <c>CsCheck_Seed</c>).</summary>
    public static string? Seed { get; } = Environment.GetEnvironmentVariable("DOCSGEN_PROPERTY_SEED") is { Length: > 0 } seed ? seed : null;

    /// <summary>Runs <paramref name="assert"/> on <see cref="Cases"/> samples, printing the seed and the shrunk case on failure.</summary>
    public static void Sample<T>(Gen<T> gen, Action<T> assert, Func<T, string> print, ITestOutputHelper output, long? iterations = null)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        gen.Sample(assert, writeLine: output.WriteLine, seed: Seed, iter: iterations ?? Cases, print: print);
        output.WriteLine($"{iterations ?? Cases:N0} cases in {started.Elapsed.TotalSeconds:0.0} s");
    }

    private static long Read(string name, long fallback) =>
        long.TryParse(Environment.GetEnvironmentVariable(name), out var value) && value > 0 ? value : fallback;
}

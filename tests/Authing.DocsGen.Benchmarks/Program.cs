using System.Diagnostics;
using System.Globalization;
using Authing.DocsGen.Benchmarks.Corpus;
using Authing.DocsGen.Benchmarks.Infrastructure;
using BenchmarkDotNet.Running;
using Markdig;

namespace Authing.DocsGen.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release -- [BenchmarkDotNet arguments]</c> runs benchmarks (see docs/benchmarks.md); three commands
/// serve the scripts and CI:
/// <list type="bullet">
/// <item><c>corpus N DIR</c>: writes the N-page synthetic corpus under DIR (consumer-build.sh).</item>
/// <item><c>peak-memory N generator|markdig|none</c>: one cold run in this fresh process, then its memory figures.</item>
/// <item><c>smoke [N]</c>: every benchmark method once, untimed (what the tests run).</item>
/// <item><c>loop CLASS METHOD N SECONDS</c>: calls one benchmark method for that long, to attach a profiler
/// (<c>DOTNET_PerfMapEnabled=1 perf record -g …</c>, see docs/benchmarks.md).</item>
/// <item><c>interleave CLASS ROUNDS CALLS METHOD…</c>: each round calls every METHOD CALLS times in turn; prints each
/// method's fastest round per call and its ratio to the first METHOD. Interleaving exposes every method to the same load,
/// so on a shared machine its ratios are steadier than BenchmarkDotNet's means, which measure one method after another.</item>
/// </list>
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "corpus" when args.Length == 3:
                var pages = SyntheticCorpus.Build(int.Parse(args[1], CultureInfo.InvariantCulture));
                SyntheticCorpus.Write(pages, args[2]);
                Console.WriteLine($"Wrote {pages.Count} pages ({pages.Sum(p => p.Utf8Size) / 1024} KB) under {args[2]}");
                return 0;
            case "peak-memory" when args.Length == 3:
                return PeakMemory(int.Parse(args[1], CultureInfo.InvariantCulture), args[2]);
            case "loop" when args.Length == 5:
                return await Loop(args[1], args[2], int.Parse(args[3], CultureInfo.InvariantCulture), double.Parse(args[4], CultureInfo.InvariantCulture));
            case "interleave" when args.Length >= 5:
                return await Interleave(args[1], int.Parse(args[2], CultureInfo.InvariantCulture), int.Parse(args[3], CultureInfo.InvariantCulture), args[4..]);
            case "smoke":
                var n = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
                foreach (var type in SmokeRunner.BenchmarkTypes)
                {
                    var results = await SmokeRunner.RunAsync(type, n);
                    Console.WriteLine($"{type.Name}: {string.Join(", ", results.Keys)}");
                }

                return 0;
            default:
                BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
                return 0;
        }
    }

    private static async Task<int> Loop(string className, string methodName, int pageCount, double seconds)
    {
        var type = SmokeRunner.BenchmarkTypes.Single(t => t.Name == className);
        var method = type.GetMethod(methodName) ?? throw new ArgumentException("no method " + methodName);
        var instance = Activator.CreateInstance(type)!;
        type.GetProperty("Pages")?.SetValue(instance, pageCount);
        type.GetMethods().Single(m => m.GetCustomAttributes(typeof(BenchmarkDotNet.Attributes.GlobalSetupAttribute), false).Length > 0).Invoke(instance, null);
        var clock = Stopwatch.StartNew();
        var calls = 0;
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            if (method.Invoke(instance, null) is Task task)
            {
                await task;
            }

            calls++;
        }

        Console.WriteLine(FormattableString.Invariant($"{className}.{methodName} N={pageCount}: {calls} calls, {clock.Elapsed.TotalMilliseconds / calls:0.000} ms per call"));
        return 0;
    }

    private static async Task<int> Interleave(string className, int rounds, int calls, string[] methodNames)
    {
        var type = SmokeRunner.BenchmarkTypes.Single(t => t.Name == className);
        var instance = Activator.CreateInstance(type)!;
        type.GetMethods().Single(m => m.GetCustomAttributes(typeof(BenchmarkDotNet.Attributes.GlobalSetupAttribute), false).Length > 0).Invoke(instance, null);
        var methods = methodNames.Select(name => type.GetMethod(name) ?? throw new ArgumentException("no method " + name)).ToArray();
        var best = Enumerable.Repeat(double.MaxValue, methods.Length).ToArray();
        var allocated = new double[methods.Length];
        for (var round = 0; round < rounds; round++)
        {
            for (var i = 0; i < methods.Length; i++)
            {
                long before = GC.GetTotalAllocatedBytes(precise: true);
                var clock = Stopwatch.StartNew();
                for (var call = 0; call < calls; call++)
                {
                    if (methods[i].Invoke(instance, null) is Task task)
                    {
                        await task;
                    }
                }

                clock.Stop();
                allocated[i] = (GC.GetTotalAllocatedBytes(precise: true) - before) / (double)calls;
                best[i] = Math.Min(best[i], clock.Elapsed.TotalMicroseconds / calls);
            }
        }

        for (var i = 0; i < methods.Length; i++)
        {
            Console.WriteLine(FormattableString.Invariant(
                $"{methodNames[i],-30} fastest round {best[i],9:0.0} us/call  ratio {best[i] / best[0],5:0.00}  allocated {allocated[i] / 1024,8:0.0} KB/call (process)"));
        }

        return 0;
    }

    /// <summary>
    /// One cold generator run (or Markdig alone, or nothing) in this process; prints the process's peak working set, the
    /// bytes allocated and the managed heap still held (by the driver, for the next incremental run).
    /// </summary>
    private static int PeakMemory(int pageCount, string mode)
    {
        var pages = SyntheticCorpus.Build(pageCount);
        var texts = GeneratorRuns.Texts(pages);
        var compilation = GeneratorRuns.EmptyCompilation();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        object? kept = mode switch
        {
            "generator" => GeneratorRuns.CreateDriver(texts).RunGenerators(compilation),
            "markdig" => pages.Select(p => Markdown.Parse(p.Text, GeneratorRuns.MarkdigPipeline)).ToList(),
            "none" => null,
            _ => throw new ArgumentException("mode: generator, markdig or none"),
        };
        var elapsed = clock.Elapsed;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(kept);
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var info = GC.GetGCMemoryInfo();
        Console.WriteLine(FormattableString.Invariant(
            $"mode={mode} pages={pageCount} elapsed_ms={elapsed.TotalMilliseconds:0} peak_working_set_mb={process.PeakWorkingSet64 / 1048576.0:0.0} allocated_mb={allocated / 1048576.0:0.0} retained_heap_mb={(heapAfter - heapBefore) / 1048576.0:0.0} gen2_collections={GC.CollectionCount(2)} committed_mb={info.TotalCommittedBytes / 1048576.0:0.0}"));
        return 0;
    }
}

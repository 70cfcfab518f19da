using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Authing.DocsGen.Diagnostics;
using Authing.DocsGen.Emitting;
using Authing.DocsGen.Model;
using Authing.DocsGen.Parsing;

namespace Authing.DocsGen;

/// <summary>A docs page handed to <see cref="DocsCompiler"/>.</summary>
public sealed record DocsPage(string Path, string Text, PageOverrides Overrides);

/// <summary>Everything one run produces: the files, the diagnostics and the models behind them.</summary>
public sealed record DocsCompilation(
    ImmutableArray<GeneratedSource> Sources,
    ImmutableArray<DiagnosticInfo> Diagnostics,
    ImmutableArray<PageModel> Pages,
    ApiModel Api);

/// <summary>
/// The generator's <see cref="Stages"/> run in one go, outside Roslyn: for the command-line tool and benchmarks. The
/// incremental generator wires the same stages into its pipeline, so both produce the same files.
/// </summary>
public static class DocsCompiler
{
    /// <param name="overridesFile">The docs tree's <c>docsgen.json</c> (<see cref="ReadOverridesFile"/>), if any.</param>
    public static DocsCompilation Compile(IEnumerable<DocsPage> pages, GeneratorOptions options, OverridesFile? overridesFile = null)
    {
        var parsed = pages.Select(p => Stages.Parse(p.Path, p.Text, p.Overrides, overridesFile)).ToImmutableArray();
        var resolved = Stages.Resolve(parsed.Select(Stages.ShapeOf).ToImmutableArray(), overridesFile);

        // As the generator does: each page (the first of a path) takes its share; the diagnostics about no page once.
        var shares = parsed.GroupBy(p => p.FilePath, StringComparer.Ordinal).Select(g => Stages.ResolvedPageOf(resolved, g.First())).ToList();
        var api = new ApiModel(
            shares.SelectMany(s => s.Items.Dtos).OrderBy(d => d.Name, StringComparer.Ordinal).ToEquatableArray(),
            shares.SelectMany(s => s.Items.Enums).OrderBy(e => e.Name, StringComparer.Ordinal).ToEquatableArray(),
            shares.SelectMany(s => s.Items.Methods).OrderBy(m => m.PagePath, StringComparer.Ordinal).ToEquatableArray(),
            Stages.DiagnosticsOfNoPage(resolved).Concat(shares.SelectMany(s => s.Diagnostics)).ToEquatableArray());
        var items = shares.Select(s => s.Items.WithoutLocations()).ToList();
        var emitted = Stages.EmitClients(options).Concat(items.Select(i => Stages.EmitPage(i, options))).ToList();
        var diagnostics = (overridesFile?.Diagnostics ?? EquatableArray<DiagnosticInfo>.Empty)
            .Concat(parsed.SelectMany(p => p.Diagnostics))
            .Concat(api.Diagnostics)
            .Concat(emitted.Select(e => e.Failure).OfType<DiagnosticInfo>())
            .ToImmutableArray();
        var sources = emitted.Select(e => e.Source).OfType<GeneratedSource>().OrderBy(s => s.HintName, StringComparer.Ordinal).ToImmutableArray();
        return new DocsCompilation(sources, diagnostics, parsed, api);
    }

    /// <summary>
    /// The overrides file among <paramref name="files"/> (path, text): the first by path; any other is reported and
    /// ignored. Null when there is none.
    /// </summary>
    /// <param name="rootFromPath">Path keys are relative to the file's folder (page paths are absolute, as in a build);
    /// false when page paths are already relative to the file's folder (the CLI).</param>
    public static OverridesFile? ReadOverridesFile(IEnumerable<(string Path, string Text)> files, bool rootFromPath)
    {
        var ordered = files.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        if (ordered.Count == 0)
        {
            return null;
        }

        var (path, text) = ordered[0];
        var normalized = path.Replace('\\', '/');
        var root = rootFromPath && normalized.LastIndexOf('/') is var slash and >= 0 ? normalized.Substring(0, slash) : string.Empty;
        var file = OverridesFileParser.Parse(path, root, text);
        if (ordered.Count == 1)
        {
            return file;
        }

        var ignored = ordered.Skip(1).Select(f => DiagnosticFactory.Create(
            Diagnostics.DiagnosticDescriptors.OverridesFileProblem,
            new MarkdownLocation(f.Path, 0, 0, 0, 0, 0, 0),
            "another overrides file, '" + path + "', is used; this one is ignored"));
        return file with { Diagnostics = file.Diagnostics.Concat(ignored).ToEquatableArray() };
    }
}

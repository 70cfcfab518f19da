using System;
using System.Collections.Immutable;
using System.Linq;
using Authing.DocsGen.Diagnostics;
using Authing.DocsGen.Emitting;
using Authing.DocsGen.Model;
using Authing.DocsGen.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Authing.DocsGen;

/// <summary>
/// Turns Authing's Markdown API pages (AdditionalFiles ending in .md) into a C# SDK by wiring the <see cref="Stages"/>
/// into an incremental pipeline: parse each page on its own → resolve names across pages → emit one file per page
/// and per client. Only this class (and <see cref="Diagnostics.RoslynDiagnostics"/>) sees Roslyn.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class AuthingDocsGenerator : IIncrementalGenerator
{
    private const string MetadataPrefix = "build_metadata.AdditionalFiles.";

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var options = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) => ReadOptions(provider.GlobalOptions))
            .WithTrackingName(TrackingNames.Options);

        var inputs = context.AdditionalTextsProvider
            .Where(static file => file.Path.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, cancellationToken) => ReadPage(pair.Left, pair.Right.GetOptions(pair.Left), cancellationToken))
            .WithTrackingName(TrackingNames.PageInputs);

        // docsgen.json (or a file marked by an AuthingDocsConfig item): overrides for the whole docs tree.
        var overridesFile = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Where(static pair => IsOverridesFile(pair.Left.Path, pair.Right.GetOptions(pair.Left)))
            .Select(static (pair, cancellationToken) => (pair.Left.Path, Text: pair.Left.GetText(cancellationToken)?.ToString() ?? string.Empty))
            .Collect()
            .Select(static (files, _) => DocsCompiler.ReadOverridesFile(files.Select(f => (f.Path, f.Text)), rootFromPath: true))
            .WithTrackingName(TrackingNames.OverridesFile);
        context.RegisterSourceOutput(overridesFile, static (spc, file) => Report(spc, file?.Diagnostics ?? EquatableArray<DiagnosticInfo>.Empty));

        // Projects using <AuthingDocs> mark their pages; then other .md AdditionalFiles (an analyzer's release notes,
        // say) are not docs. Projects listing pages as plain AdditionalFiles get every .md file parsed.
        var anyMarked = inputs.Select(static (input, _) => input.IsMarkedPage).Collect().Select(static (marks, _) => marks.Contains(true));
        // One step per page parses it and lints it (ADG031-ADG036, the same findings as `docsgen lint`): the lint needs
        // the text and the model, and must not parse the page a second time. Lint never changes what is generated.
        var parsedAndLinted = inputs.Combine(anyMarked)
            .Where(static pair => pair.Left.IsMarkedPage || !pair.Right)
            .Select(static (pair, _) => pair.Left)
            .Combine(overridesFile)
            .Select(static (pair, _) => ParseAndLint(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.ParsedAndLinted);
        var pages = parsedAndLinted.Select(static (parsed, _) => parsed.Page).WithTrackingName(TrackingNames.ParsedPages);
        context.RegisterSourceOutput(pages, static (spc, page) => Report(spc, page.Diagnostics));
        context.RegisterSourceOutput(
            parsedAndLinted.Select(static (parsed, _) => parsed.Lint).WithTrackingName(TrackingNames.PageLint),
            static (spc, diagnostics) => Report(spc, diagnostics));
        context.RegisterSourceOutput(
            pages.Collect().Select(static (all, _) => Stages.LintAcross(all)).WithTrackingName(TrackingNames.CrossPageLint),
            static (spc, diagnostics) => Report(spc, diagnostics));

        // Resolution sees the pages' shapes (no docs, no offsets): an edit of a page's docs leaves every shape equal, so
        // resolution and every other page's steps are not re-run; each page then puts its own docs and locations back.
        var shapes = pages.Select(static (page, _) => Stages.ShapeOf(page)).WithTrackingName(TrackingNames.PageShapes);
        var api = shapes.Collect()
            .Combine(overridesFile)
            .Select(static (pair, _) => Stages.Resolve(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.Api);

        context.RegisterSourceOutput(
            api.Select(static (model, _) => Stages.DiagnosticsOfNoPage(model)).WithTrackingName(TrackingNames.ApiDiagnostics),
            static (spc, diagnostics) => Report(spc, diagnostics));

        // Per page: Roslyn compares a step's outputs by position, so one list over the whole API re-emitted every output
        // after an added page; per page, an edit or an added page re-emits that page's outputs only.
        var resolvedPages = pages.Combine(api)
            .Select(static (pair, _) => Stages.ResolvedPageOf(pair.Right, pair.Left))
            .WithTrackingName(TrackingNames.ResolvedPages);
        context.RegisterSourceOutput(
            resolvedPages.Select(static (page, _) => page.Diagnostics).WithTrackingName(TrackingNames.PageResolutionDiagnostics),
            static (spc, diagnostics) => Report(spc, diagnostics));
        var pageItems = resolvedPages.Select(static (page, _) => page.Items.WithoutLocations()).WithTrackingName(TrackingNames.PageEmitItems);
        context.RegisterSourceOutput(options, static (spc, opts) =>
        {
            if (opts.Problem is { } problem)
            {
                spc.ReportDiagnostic(problem.ToDiagnostic());
            }

            foreach (var result in Stages.EmitClients(opts))
            {
                Add(spc, result);
            }
        });
        context.RegisterSourceOutput(pageItems.Combine(options), static (spc, pair) => Add(spc, Stages.EmitPage(pair.Left, pair.Right)));
    }

    private static GeneratorOptions ReadOptions(AnalyzerConfigOptions global)
    {
        var ns = GeneratorOptions.DefaultNamespace;
        DiagnosticInfo? problem = null;
        if (global.TryGetValue("build_property.AuthingDocsGenNamespace", out var value) && !string.IsNullOrWhiteSpace(value))
        {
            if (IsNamespace(value))
            {
                ns = value;
            }
            else
            {
                problem = DiagnosticFactory.Create(Diagnostics.DiagnosticDescriptors.InvalidOverride, null, "AuthingDocsGenNamespace", value, "not a C# namespace; using " + ns);
            }
        }
        var isPublic = !(global.TryGetValue("build_property.AuthingDocsGenAccessibility", out var accessibility)
            && accessibility.Equals("internal", StringComparison.OrdinalIgnoreCase));

        var clients = ClientSet.All;
        if (global.TryGetValue("build_property.AuthingDocsGenClients", out var clientList) && !string.IsNullOrWhiteSpace(clientList)
            && !clientList.Trim().Equals("all", StringComparison.OrdinalIgnoreCase))
        {
            clients = ClientSet.None;
            foreach (var item in clientList.Split(new[] { ',', ';' }, StringSplitOptions.RemoveEmptyEntries))
            {
                switch (item.Trim().ToLowerInvariant())
                {
                    case "authentication":
                        clients |= ClientSet.Authentication;
                        break;
                    case "management":
                        clients |= ClientSet.Management;
                        break;
                    default:
                        problem ??= DiagnosticFactory.Create(Diagnostics.DiagnosticDescriptors.InvalidOverride, null, "AuthingDocsGenClients", clientList, "expected all, Authentication and/or Management; generating both clients");
                        clients = ClientSet.All;
                        break;
                }
            }
        }

        return new GeneratorOptions(ns, isPublic, clients, problem);
    }

    private static bool IsNamespace(string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        foreach (var part in value.Split('.'))
        {
            if (!Microsoft.CodeAnalysis.CSharp.SyntaxFacts.IsValidIdentifier(part))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsOverridesFile(string path, AnalyzerConfigOptions metadata) =>
        System.IO.Path.GetFileName(path).Equals(OverridesFile.FileName, StringComparison.OrdinalIgnoreCase)
        || (metadata.TryGetValue(MetadataPrefix + "AuthingDocsGenConfig", out var marked) && marked.Equals("true", StringComparison.OrdinalIgnoreCase));

    private static PageInput ReadPage(AdditionalText file, AnalyzerConfigOptions metadata, System.Threading.CancellationToken cancellationToken)
    {
        var text = file.GetText(cancellationToken)?.ToString() ?? string.Empty;
        string? Get(string name) => metadata.TryGetValue(MetadataPrefix + name, out var v) && !string.IsNullOrWhiteSpace(v) ? v : null;
        var overrides = new PageOverrides(
            Get("AuthingVerb"),
            Get("AuthingRoute"),
            Get("AuthingClient"),
            string.Equals(Get("AuthingSkip"), "true", StringComparison.OrdinalIgnoreCase));
        return new PageInput(file.Path, text, overrides, string.Equals(Get("AuthingDocsGenPage"), "true", StringComparison.OrdinalIgnoreCase));
    }

    private static void Add(SourceProductionContext context, EmitResult result)
    {
        if (result.Source is { } source)
        {
            context.AddSource(source.HintName, SourceText.From(source.Text, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false)));
        }

        if (result.Failure is { } failure)
        {
            context.ReportDiagnostic(failure.ToDiagnostic());
        }
    }

    private static void Report(SourceProductionContext context, EquatableArray<DiagnosticInfo> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            context.ReportDiagnostic(diagnostic.ToDiagnostic());
        }
    }

    private static ParsedPage ParseAndLint(PageInput input, OverridesFile? overridesFile)
    {
        var page = Stages.Parse(input.Path, input.Text, input.Overrides, overridesFile);
        return new ParsedPage(page, Stages.LintPage(input.Path, input.Text, page));
    }

    /// <summary>A page's model and its lint findings.</summary>
    private sealed record ParsedPage(PageModel Page, EquatableArray<DiagnosticInfo> Lint);

    /// <summary>A page's path, text and overrides: equal when nothing about the page changed.</summary>
    private sealed record PageInput(string Path, string Text, PageOverrides Overrides, bool IsMarkedPage);
}

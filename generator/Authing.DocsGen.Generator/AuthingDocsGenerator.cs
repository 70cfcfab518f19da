using System;
using System.Collections.Immutable;
using System.Linq;
using Authing.DocsGen.Emitting;
using Authing.DocsGen.Model;
using Authing.DocsGen.Parsing;
using Authing.DocsGen.Resolution;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Authing.DocsGen;

/// <summary>
/// Turns Authing's Markdown API pages (AdditionalFiles ending in .md) into a C# SDK. The pipeline:
/// parse each page on its own (<see cref="PageParser"/>) → resolve names across pages (<see cref="ApiResolver"/>) →
/// emit one file per method, type and client (<see cref="Emitter"/>). Only this class sees Roslyn.
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
        var pages = inputs.Combine(anyMarked)
            .Where(static pair => pair.Left.IsMarkedPage || !pair.Right)
            .Select(static (pair, _) => pair.Left)
            .Combine(overridesFile)
            .Select(static (pair, _) => DocsCompiler.Parse(pair.Left.Path, pair.Left.Text, pair.Left.Overrides, pair.Right))
            .WithTrackingName(TrackingNames.ParsedPages);

        context.RegisterSourceOutput(pages, static (spc, page) => Report(spc, page.Diagnostics));

        // Docs lint (ADG031-ADG036), the same findings as `docsgen lint`. Its own steps, so it never changes what is
        // generated; a page's lint parses the page again because the parse step keeps the model (response example included),
        // not the text the findings are placed in.
        var pageLint = inputs.Combine(anyMarked)
            .Where(static pair => pair.Left.IsMarkedPage || !pair.Right)
            .Select(static (pair, _) => pair.Left)
            .Combine(overridesFile)
            .Select(static (pair, _) => Linting.DocsLint.LintPage(pair.Left.Path, pair.Left.Text, DocsCompiler.Parse(pair.Left.Path, pair.Left.Text, pair.Left.Overrides, pair.Right)).Select(f => f.Diagnostic).ToEquatableArray())
            .WithTrackingName(TrackingNames.PageLint);
        context.RegisterSourceOutput(pageLint, static (spc, diagnostics) => Report(spc, diagnostics));
        context.RegisterSourceOutput(
            pages.Collect().Select(static (all, _) => Linting.DocsLint.LintAcross(all).Select(f => f.Diagnostic).ToEquatableArray()).WithTrackingName(TrackingNames.CrossPageLint),
            static (spc, diagnostics) => Report(spc, diagnostics));

        var api = pages.Collect()
            .Combine(overridesFile)
            .Select(static (pair, _) => ResolveSafely(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.Api);

        context.RegisterSourceOutput(
            api.Select(static (model, _) => model.Diagnostics).WithTrackingName(TrackingNames.ApiDiagnostics),
            static (spc, diagnostics) => Report(spc, diagnostics));

        // Emit steps see models without locations: text moving on a page must not re-emit code that did not change.
        var methods = api.SelectMany(static (model, _) => model.Methods.Select(m => m.WithoutLocations())).WithTrackingName(TrackingNames.Methods);
        var dtos = api.SelectMany(static (model, _) => model.Dtos.Select(d => d.WithoutLocations())).WithTrackingName(TrackingNames.Dtos);
        var enums = api.SelectMany(static (model, _) => model.Enums.Select(e => e.WithoutLocation())).WithTrackingName(TrackingNames.Enums);

        context.RegisterSourceOutput(options, static (spc, opts) =>
        {
            if (opts.Problem is { } problem)
            {
                spc.ReportDiagnostic(problem.ToDiagnostic());
            }

            foreach (ClientKind client in Enum.GetValues(typeof(ClientKind)))
            {
                if (opts.Generates(client))
                {
                    Add(spc, client + "Client", () => Emitter.EmitClient(client, opts));
                }
            }
        });
        context.RegisterSourceOutput(
            methods.Combine(options).Where(static pair => pair.Right.Generates(pair.Left.Method.Client)),
            static (spc, pair) => Add(spc, pair.Left.PagePath, () => Emitter.EmitMethod(pair.Left, pair.Right)));
        context.RegisterSourceOutput(
            dtos.Combine(options).Where(static pair => pair.Right.Generates(pair.Left.UsedBy)),
            static (spc, pair) => Add(spc, pair.Left.Name, () => Emitter.EmitDto(pair.Left, pair.Right)));
        context.RegisterSourceOutput(
            enums.Combine(options).Where(static pair => pair.Right.Generates(pair.Left.UsedBy)),
            static (spc, pair) => Add(spc, pair.Left.Name, () => Emitter.EmitEnum(pair.Left, pair.Right)));
    }

    /// <summary>Resolution bugs must not turn into CS8785 and an empty SDK: report them and emit what the pages alone give.</summary>
    private static ApiModel ResolveSafely(ImmutableArray<PageModel> pages, OverridesFile? overridesFile)
    {
        try
        {
            return ApiResolver.Resolve(pages, overridesFile);
        }
        catch (Exception ex)
        {
            var diagnostic = DiagnosticInfo.Create(Diagnostics.DiagnosticDescriptors.StepFailed, null, "cross-page resolution failed: " + ex.GetType().Name + ": " + ex.Message);
            return new ApiModel(EquatableArray<DtoModel>.Empty, EquatableArray<EnumModel>.Empty, EquatableArray<ResolvedMethod>.Empty, new EquatableArray<DiagnosticInfo>(new[] { diagnostic }));
        }
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
                problem = DiagnosticInfo.Create(Diagnostics.DiagnosticDescriptors.InvalidOverride, null, "AuthingDocsGenNamespace", value, "not a C# namespace; using " + ns);
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
                        problem ??= DiagnosticInfo.Create(Diagnostics.DiagnosticDescriptors.InvalidOverride, null, "AuthingDocsGenClients", clientList, "expected all, Authentication and/or Management; generating both clients");
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

    private static void Add(SourceProductionContext context, string subject, Func<GeneratedSource> emit)
    {
        try
        {
            var source = emit();
            context.AddSource(source.HintName, SourceText.From(source.Text, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false)));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A template bug or a duplicate hint name must not become CS8785 and an empty SDK.
            context.ReportDiagnostic(DiagnosticInfo.Create(Diagnostics.DiagnosticDescriptors.StepFailed, null, $"emitting '{subject}' failed: {ex.GetType().Name}: {ex.Message}").ToDiagnostic());
        }
    }

    private static void Report(SourceProductionContext context, EquatableArray<DiagnosticInfo> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            context.ReportDiagnostic(diagnostic.ToDiagnostic());
        }
    }

    /// <summary>A page's path, text and overrides: equal when nothing about the page changed.</summary>
    private sealed record PageInput(string Path, string Text, PageOverrides Overrides, bool IsMarkedPage);
}

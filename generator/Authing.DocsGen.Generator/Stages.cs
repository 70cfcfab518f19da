using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Authing.DocsGen.Diagnostics;
using Authing.DocsGen.Emitting;
using Authing.DocsGen.Linting;
using Authing.DocsGen.Model;
using Authing.DocsGen.Parsing;
using Authing.DocsGen.Resolution;

namespace Authing.DocsGen;

/// <summary>
/// The generator's stages, in order, defined once: <see cref="AuthingDocsGenerator"/> wires each into its incremental
/// pipeline and <see cref="DocsCompiler"/> runs them in one go, so both produce the same files and diagnostics.
/// <list type="number">
/// <item><see cref="Parse"/> each page on its own (and <see cref="LintPage"/> it);</item>
/// <item><see cref="Resolve"/> names and types across pages, over their shapes (<see cref="ShapeOf"/>), and
/// <see cref="LintAcross"/> them;</item>
/// <item>give each page its share of the result, with its docs and locations (<see cref="ResolvedPageOf"/>);</item>
/// <item>emit one file per client (<see cref="EmitClients"/>) and one per page (<see cref="EmitPage"/>).</item>
/// </list>
/// No stage throws for any input: a bug becomes ADG030 and the other stages go on.
/// </summary>
public static class Stages
{
    /// <summary>
    /// One page. A page whose file name the compiler cannot be given never reaches the generator in a build; it is
    /// skipped here too (ADG028), so that the CLI and a build produce the same files.
    /// </summary>
    public static PageModel Parse(string path, string text, PageOverrides overrides, OverridesFile? overridesFile)
    {
        if (!PageText.IsUnreadableByCompiler(path))
        {
            return PageParser.Parse(path, text, overrides, overridesFile);
        }

        var diagnostic = DiagnosticFactory.Create(DiagnosticDescriptors.UnreadableFileName, new MarkdownLocation(path, 0, 0, 0, 0, 0, 0), "'\"'");
        return new PageModel(path, null, EquatableArray<DtoModel>.Empty, EquatableArray<EnumModel>.Empty, new EquatableArray<DiagnosticInfo>(new[] { diagnostic }));
    }

    /// <summary>Docs lint of one page (ADG031–ADG036): never changes what is generated.</summary>
    public static EquatableArray<DiagnosticInfo> LintPage(string path, string text, PageModel page) =>
        DocsLint.LintPage(path, text, page).Select(f => f.Diagnostic).ToEquatableArray();

    /// <summary>Docs lint across pages: one type defined differently on two pages.</summary>
    public static EquatableArray<DiagnosticInfo> LintAcross(IEnumerable<PageModel> pages) =>
        DocsLint.LintAcross(pages).Select(f => f.Diagnostic).ToEquatableArray();

    /// <summary>A page's shape: what resolution reads of it, without docs or offsets (<see cref="PageShapes"/>).</summary>
    public static PageModel ShapeOf(PageModel page) => PageShapes.Of(page);

    /// <summary>
    /// Cross-page resolution over the pages' shapes (<see cref="ShapeOf"/>), so a docs-only edit does not re-run it. A
    /// resolution bug must not turn into CS8785 and an empty SDK: it is reported (ADG030) and the result is empty.
    /// </summary>
    public static ApiModel Resolve(ImmutableArray<PageModel> shapes, OverridesFile? overridesFile)
    {
        try
        {
            return ApiResolver.Resolve(shapes, overridesFile);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var diagnostic = DiagnosticFactory.Create(DiagnosticDescriptors.StepFailed, null, "cross-page resolution failed: " + ex.GetType().Name + ": " + ex.Message);
            return new ApiModel(EquatableArray<DtoModel>.Empty, EquatableArray<EnumModel>.Empty, EquatableArray<ResolvedMethod>.Empty, new EquatableArray<DiagnosticInfo>(new[] { diagnostic }));
        }
    }

    /// <summary>Resolution's diagnostics about no page in particular (the summary, the overrides file).</summary>
    public static EquatableArray<DiagnosticInfo> DiagnosticsOfNoPage(ApiModel api) => ResolvedPages.DiagnosticsOfNoPage(api);

    /// <summary>
    /// The page's share of the resolved API with its docs and locations restored: its method, each type or enum it is the
    /// origin of, resolution's diagnostics about it. The pages' shares together are the whole API, each item once.
    /// </summary>
    public static ResolvedPage ResolvedPageOf(ApiModel api, PageModel page) => ResolvedPages.Of(api, page);

    /// <summary>The clients' fixed parts, one file per generated client.</summary>
    public static IEnumerable<EmitResult> EmitClients(GeneratorOptions options)
    {
        foreach (ClientKind client in Enum.GetValues(typeof(ClientKind)))
        {
            if (options.Generates(client))
            {
                yield return Emit(client + "Client", () => Emitter.EmitClient(client, options));
            }
        }
    }

    /// <summary>One file per page (<see cref="Emitter.EmitPage"/>); none when the project generates nothing of it.</summary>
    public static EmitResult EmitPage(PageEmitItems items, GeneratorOptions options)
    {
        var subject = items.Methods.Count > 0 ? items.Methods[0].PagePath : items.Dtos.Count > 0 ? items.Dtos[0].Name : items.Enums.Count > 0 ? items.Enums[0].Name : "an empty page";
        return Emit(subject, () => Emitter.EmitPage(items, options));
    }

    /// <summary>A template bug must not become CS8785 and an empty SDK: the file is left out and ADG030 names it.</summary>
    private static EmitResult Emit(string subject, Func<GeneratedSource?> emit)
    {
        try
        {
            return new EmitResult(emit(), null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new EmitResult(null, DiagnosticFactory.Create(DiagnosticDescriptors.StepFailed, null, $"emitting '{subject}' failed: {ex.GetType().Name}: {ex.Message}"));
        }
    }
}

/// <summary>What one emit step gives: a file, or the diagnostic that says why there is none.</summary>
public sealed record EmitResult(GeneratedSource? Source, DiagnosticInfo? Failure);

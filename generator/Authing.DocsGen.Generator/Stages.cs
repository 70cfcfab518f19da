using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
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
/// <item><see cref="Resolve"/> names and types across pages (and <see cref="LintAcross"/> them);</item>
/// <item>take each page's location-free items to emit (<see cref="EmitItemsOf"/>);</item>
/// <item><see cref="Emit"/> each: one file per client, method, type and enum.</item>
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

    /// <summary>
    /// Cross-page resolution. A resolution bug must not turn into CS8785 and an empty SDK: it is reported (ADG030) and
    /// the result is empty.
    /// </summary>
    public static ApiModel Resolve(ImmutableArray<PageModel> pages, OverridesFile? overridesFile)
    {
        try
        {
            return ApiResolver.Resolve(pages, overridesFile);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var diagnostic = DiagnosticFactory.Create(DiagnosticDescriptors.StepFailed, null, "cross-page resolution failed: " + ex.GetType().Name + ": " + ex.Message);
            return new ApiModel(EquatableArray<DtoModel>.Empty, EquatableArray<EnumModel>.Empty, EquatableArray<ResolvedMethod>.Empty, new EquatableArray<DiagnosticInfo>(new[] { diagnostic }));
        }
    }

    /// <summary>
    /// The emit items of the page at <paramref name="pagePath"/>: its method, and each type or enum whose first user in
    /// page-path order it is (types no method reaches go with the first page). Every item of <paramref name="api"/> belongs
    /// to exactly one page. Items come without locations: text moving on a page must not re-emit code that did not
    /// change. The index is built once per model and shared by every page's step.
    /// </summary>
    public static PageEmitItems EmitItemsOf(ApiModel api, string pagePath) =>
        s_itemsByPage.GetValue(api, IndexByPage).TryGetValue(pagePath, out var items) ? items : PageEmitItems.Empty;

    private static readonly ConditionalWeakTable<ApiModel, Dictionary<string, PageEmitItems>> s_itemsByPage = new();

    private static Dictionary<string, PageEmitItems> IndexByPage(ApiModel api)
    {
        var dtos = api.Dtos.ToDictionary(d => d.Name, StringComparer.Ordinal);
        var enums = new HashSet<string>(api.Enums.Select(e => e.Name), StringComparer.Ordinal);
        var dtoOwners = new Dictionary<string, string>(StringComparer.Ordinal);
        var enumOwners = new Dictionary<string, string>(StringComparer.Ordinal);
        var methods = api.Methods.OrderBy(m => m.PagePath, StringComparer.Ordinal).ToList();
        foreach (var method in methods)
        {
            var pending = new Stack<string>();
            foreach (var root in new[] { method.Method.RequestDtoName, method.Method.ResponseDtoName })
            {
                if (root is not null)
                {
                    pending.Push(root);
                }
            }

            while (pending.Count > 0)
            {
                var name = pending.Pop();
                if (!dtos.TryGetValue(name, out var dto) || dtoOwners.ContainsKey(name))
                {
                    continue;
                }

                dtoOwners[name] = method.PagePath;
                foreach (var field in dto.Fields)
                {
                    var type = field.Type.Innermost;
                    if (type.Kind == TypeKind.Dto)
                    {
                        pending.Push(type.Name!);
                    }
                    else if (type.Kind == TypeKind.Enum && enums.Contains(type.Name!) && !enumOwners.ContainsKey(type.Name!))
                    {
                        enumOwners[type.Name!] = method.PagePath;
                    }
                }
            }
        }

        var firstPage = methods.Count > 0 ? methods[0].PagePath : string.Empty;
        var byPage = methods.GroupBy(m => m.PagePath, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(m => m.WithoutLocations()).ToList(), StringComparer.Ordinal);
        var dtosByPage = api.Dtos.ToLookup(d => dtoOwners.TryGetValue(d.Name, out var owner) ? owner : firstPage, StringComparer.Ordinal);
        var enumsByPage = api.Enums.ToLookup(e => enumOwners.TryGetValue(e.Name, out var owner) ? owner : firstPage, StringComparer.Ordinal);
        var pages = byPage.Keys.Concat(dtosByPage.Select(g => g.Key)).Concat(enumsByPage.Select(g => g.Key)).Distinct(StringComparer.Ordinal);
        return pages.ToDictionary(
            page => page,
            page => new PageEmitItems(
                (byPage.TryGetValue(page, out var own) ? own : new List<ResolvedMethod>()).ToEquatableArray(),
                dtosByPage[page].Select(d => d.WithoutLocations()).ToEquatableArray(),
                enumsByPage[page].Select(e => e.WithoutLocation()).ToEquatableArray()),
            StringComparer.Ordinal);
    }

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

    public static EmitResult EmitMethod(ResolvedMethod method, GeneratorOptions options) => Emit(method.PagePath, () => Emitter.EmitMethod(method, options));

    public static EmitResult EmitDto(DtoModel dto, GeneratorOptions options) => Emit(dto.Name, () => Emitter.EmitDto(dto, options));

    public static EmitResult EmitEnum(EnumModel enumModel, GeneratorOptions options) => Emit(enumModel.Name, () => Emitter.EmitEnum(enumModel, options));

    /// <summary>A template bug must not become CS8785 and an empty SDK: the file is left out and ADG030 names it.</summary>
    private static EmitResult Emit(string subject, Func<GeneratedSource> emit)
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

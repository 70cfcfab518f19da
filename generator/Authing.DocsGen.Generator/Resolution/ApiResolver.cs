using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Authing.DocsGen.Text;
using Authing.DocsGen.Diagnostics;
using Authing.DocsGen.Model;

namespace Authing.DocsGen.Resolution;

/// <summary>
/// Cross-page resolution, deterministic whatever the order pages arrive in (pages are sorted by path):
/// <list type="bullet">
/// <item>Types with the same name that are equal all the way down (wire names, types, required flags, and every type
/// they reach on their page, compared the same way) are one type, documented from the first page.</item>
/// <item>Otherwise each variant is its own type: the first page's keeps the name, every other variant is named
/// <c>{Method}{Name}</c> after the first page that defines it (e.g. <c>ListWidgetsWidgetDto</c>), shared by the pages
/// that define it equally, and ADG014 says so on each. A parent whose nested type differs is a variant too, so a page
/// never gets fields another page documents.</item>
/// <item>Enums with the same name are merged: an open enum tolerates unknown values, so the union of values is safe.</item>
/// <item>A second method with the same name on the same client gets a numeric suffix and ADG016.</item>
/// <item>A list method that pages the WIRE.md §4 way gets auto-pagination companions (<see cref="PaginationDetector"/>).</item>
/// <item>A type reachable only from request parameters is strict (required fields enforced); any type a response can
/// reach is lenient, so a response never fails for a missing field.</item>
/// </list>
/// </summary>
public static class ApiResolver
{
    /// <param name="overridesFile">The docs tree's <c>docsgen.json</c>: an entry no page used is reported (ADG027).</param>
    public static ApiModel Resolve(ImmutableArray<PageModel> pages, OverridesFile? overridesFile = null)
    {
        var ordered = pages.Where(p => p.Method is not null).OrderBy(p => p.FilePath, StringComparer.Ordinal).ToList();
        var diagnostics = new List<DiagnosticInfo>();
        foreach (var entry in overridesFile?.Methods ?? EquatableArray<MethodOverride>.Empty)
        {
            if (!pages.Any(p => p.OverrideKey == entry.Key))
            {
                var what = entry.IsPath
                    ? "no page has that path below the docs root"
                    : "no method has that name" + (entry.KeyClient is { } client ? " on " + client + "Client" : string.Empty) + ", or an entry keyed by its page's path came first";
                diagnostics.Add(DiagnosticFactory.Create(DiagnosticDescriptors.OverridesFileProblem, entry.Location, "'" + Text.CSharp.Visible(entry.Key) + "' is not applied: " + what));
            }
        }

        var definitions = new Dictionary<string, List<(PageModel Page, DtoModel Dto)>>(StringComparer.Ordinal);
        foreach (var page in ordered)
        {
            foreach (var dto in page.Dtos)
            {
                if (!definitions.TryGetValue(dto.Name, out var list))
                {
                    definitions[dto.Name] = list = new List<(PageModel, DtoModel)>();
                }

                list.Add((page, dto));
            }
        }

        // (page, original name) → final name, for definitions that differ from the first page's.
        var renames = new Dictionary<(string Page, string Name), string>();
        var shared = new List<(string Page, DtoModel Dto)>();
        var takenNames = new HashSet<string>(definitions.Keys, StringComparer.Ordinal);
        foreach (var group in definitions.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            // Definitions equal all the way down are one type; each other variant is one type too, named after the
            // method of the first page that defines it.
            var first = group.Value[0];
            var variants = group.Value.GroupBy(d => TypeIdentities.Of(d.Page, d.Dto.Name), StringComparer.Ordinal).ToList();
            foreach (var variant in variants)
            {
                var (page, dto) = variant.First();
                var name = variant.Key == variants[0].Key ? dto.Name : Text.UniqueNames.Claim(page.Method!.Name + dto.Name, takenNames);
                shared.Add((page.FilePath, dto with { Name = name, Origin = new TypeOrigin(page.FilePath, dto.Name) }));
                if (name == dto.Name)
                {
                    continue;
                }

                foreach (var (variantPage, variantDto) in variant)
                {
                    renames[(variantPage.FilePath, variantDto.Name)] = name;
                    diagnostics.Add(DiagnosticFactory.Create(DiagnosticDescriptors.DtoConflict, variantDto.Location, variantDto.Name, first.Page.FilePath, name));
                }
            }
        }

        // Field types are renamed as seen from the page each definition came from.
        var merged = new Dictionary<string, DtoModel>(StringComparer.Ordinal);
        foreach (var (page, dto) in shared)
        {
            merged[dto.Name] = Rename(dto, page, renames);
        }

        var dtos = MarkStrict(merged, ordered, renames);
        var methods = ResolveMethods(ordered, renames, dtos, diagnostics);
        var enums = ordered.SelectMany(p => p.Enums.Select(e => (Page: p.FilePath, Enum: e)))
            .GroupBy(e => e.Enum.Name, StringComparer.Ordinal)
            .Select(g => g.First().Enum with
            {
                Members = g.SelectMany(e => e.Enum.Members).GroupBy(m => m.Value, StringComparer.Ordinal).Select(m => m.First()).ToEquatableArray(),
                Origin = new TypeOrigin(g.First().Page, g.Key),
            })
            .OrderBy(e => e.Name, StringComparer.Ordinal)
            .ToEquatableArray();

        diagnostics.AddRange(Summary(pages, methods.Count, dtos.Count, enums.Count));
        var api = new ApiModel(
            dtos.Values.OrderBy(d => d.Name, StringComparer.Ordinal).ToEquatableArray(),
            enums,
            methods.ToEquatableArray(),
            diagnostics.ToEquatableArray());
        return MarkUsage(PaginationDetector.Detect(IdentifierAssigner.Assign(api)));
    }

    /// <summary>
    /// ADG042, one line a build can show (pages read → methods, types, enums; pages skipped and the commonest reason),
    /// and ADG041 when no page gave a method: an empty SDK must never look like a successful one.
    /// </summary>
    private static IEnumerable<DiagnosticInfo> Summary(ImmutableArray<PageModel> pages, int methods, int dtos, int enums)
    {
        var skipped = pages.Where(p => p.Method is null).ToList();
        var reasons = skipped
            .Select(p => p.Diagnostics.FirstOrDefault(d => d.Id is "ADG001" or "ADG040") is { } skip ? skip.MessageArgs[skip.MessageArgs.Count - 1]
                : p.Diagnostics.FirstOrDefault(d => DiagnosticDescriptors.ById(d.Id).DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Warning) is { } warning
                    ? DiagnosticDescriptors.ById(warning.Id).Title.ToString(System.Globalization.CultureInfo.InvariantCulture)
                : "no reason given")
            .GroupBy(r => r, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .FirstOrDefault();
        string Count(int n, string what) => n.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + what + (n == 1 ? string.Empty : "s");
        var result = Count(methods, "method") + ", " + Count(dtos, "type") + ", " + Count(enums, "enum")
            + (skipped.Count == 0 ? "; no page skipped" : "; " + Count(skipped.Count, "page") + " skipped (most often: " + reasons!.Key + ")");
        yield return DiagnosticFactory.Create(DiagnosticDescriptors.Summary, null, Count(pages.Length, "page") + " read", result);
        if (methods == 0)
        {
            yield return DiagnosticFactory.Create(DiagnosticDescriptors.NoMethods, null, pages.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Records which clients reach each type, so a project that generates one client leaves the other's types out.</summary>
    private static ApiModel MarkUsage(ApiModel api)
    {
        var dtos = api.Dtos.ToDictionary(d => d.Name, StringComparer.Ordinal);
        var dtoUsage = new Dictionary<string, ClientSet>(StringComparer.Ordinal);
        var enumUsage = new Dictionary<string, ClientSet>(StringComparer.Ordinal);

        void Walk(string name, ClientSet client)
        {
            if (!dtos.TryGetValue(name, out var dto))
            {
                return;
            }

            dtoUsage.TryGetValue(name, out var seen);
            if ((seen | client) == seen)
            {
                return;
            }

            dtoUsage[name] = seen | client;
            foreach (var field in dto.Fields)
            {
                var type = field.Type.Innermost;

                if (type.Kind == TypeKind.Dto)
                {
                    Walk(type.Name!, client);
                }
                else if (type.Kind == TypeKind.Enum)
                {
                    enumUsage.TryGetValue(type.Name!, out var enumSeen);
                    enumUsage[type.Name!] = enumSeen | client;
                }
            }
        }

        foreach (var resolved in api.Methods)
        {
            var client = resolved.Method.Client.ToSet();
            foreach (var root in new[] { resolved.Method.RequestDtoName, resolved.Method.ResponseDtoName })
            {
                if (root is not null)
                {
                    Walk(root, client);
                }
            }
        }

        // A type no method reaches is still generated (the docs define it), whichever clients are generated; so is
        // everything it refers to.
        foreach (var dto in api.Dtos)
        {
            if (!dtoUsage.ContainsKey(dto.Name))
            {
                Walk(dto.Name, ClientSet.All);
            }
        }

        return api with
        {
            // A type no method reaches is still generated (the docs define it), whichever clients are generated.
            Dtos = api.Dtos.Select(d => d with { UsedBy = dtoUsage.TryGetValue(d.Name, out var used) ? used : ClientSet.All }).ToEquatableArray(),
            Enums = api.Enums.Select(e => e with { UsedBy = enumUsage.TryGetValue(e.Name, out var used) ? used : ClientSet.All }).ToEquatableArray(),
        };
    }

    private static DtoModel Rename(DtoModel dto, string page, Dictionary<(string, string), string> renames) =>
        dto with { Fields = dto.Fields.Select(f => f with { Type = Rename(f.Type, page, renames) }).ToEquatableArray() };

    private static TypeRef Rename(TypeRef type, string page, Dictionary<(string, string), string> renames) =>
        type.RenameNamed((kind, name) => kind == TypeKind.Dto && renames.TryGetValue((page, name), out var newName) ? newName : null);

    private static string FinalName(string page, string name, Dictionary<(string, string), string> renames) =>
        renames.TryGetValue((page, name), out var newName) ? newName : name;

    private static Dictionary<string, DtoModel> MarkStrict(Dictionary<string, DtoModel> dtos, List<PageModel> pages, Dictionary<(string, string), string> renames)
    {
        var fromResponses = new HashSet<string>(StringComparer.Ordinal);
        var fromRequests = new HashSet<string>(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            var method = page.Method!;
            if (method.ResponseDtoName is { } response)
            {
                Reach(FinalName(page.FilePath, response, renames), dtos, fromResponses);
            }

            if (method.RequestDtoName is { } request)
            {
                Reach(FinalName(page.FilePath, request, renames), dtos, fromRequests);
            }
        }

        return dtos.ToDictionary(
            d => d.Key,
            d => d.Value with { IsStrict = fromRequests.Contains(d.Key) && !fromResponses.Contains(d.Key) },
            StringComparer.Ordinal);
    }

    private static void Reach(string name, Dictionary<string, DtoModel> dtos, HashSet<string> reached)
    {
        if (!reached.Add(name) || !dtos.TryGetValue(name, out var dto))
        {
            return;
        }

        foreach (var field in dto.Fields)
        {
            var type = field.Type.Innermost;

            if (type.Kind == TypeKind.Dto)
            {
                Reach(type.Name!, dtos, reached);
            }
        }
    }

    private static List<ResolvedMethod> ResolveMethods(List<PageModel> pages, Dictionary<(string, string), string> renames, Dictionary<string, DtoModel> dtos, List<DiagnosticInfo> diagnostics)
    {
        var taken = new Dictionary<(ClientKind, string), string>();
        var methods = new List<ResolvedMethod>();
        foreach (var page in pages)
        {
            var method = page.Method!;
            var name = method.Name;
            for (var suffix = 2; taken.ContainsKey((method.Client, name)); suffix++)
            {
                name = method.Name + suffix.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            if (name != method.Name)
            {
                var firstPage = taken[(method.Client, method.Name)];
                diagnostics.Add(DiagnosticFactory.Create(DiagnosticDescriptors.DuplicateMethod, method.Location, method.Client + "Client", method.Name, firstPage, name));
            }

            taken[(method.Client, name)] = page.FilePath;
            var requestName = method.RequestDtoName is null ? null : FinalName(page.FilePath, method.RequestDtoName, renames);
            var responseName = method.ResponseDtoName is null ? null : FinalName(page.FilePath, method.ResponseDtoName, renames);
            var resolved = method with { Name = name, RequestDtoName = requestName, ResponseDtoName = responseName };
            methods.Add(new ResolvedMethod(page.FilePath, resolved, requestName is null ? null : dtos[requestName]));
        }

        return methods;
    }
}

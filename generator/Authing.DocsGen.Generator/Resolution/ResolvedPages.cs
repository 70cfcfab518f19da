using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Authing.DocsGen.Model;

namespace Authing.DocsGen.Resolution;

/// <summary>
/// One page's share of an API resolved over page shapes (<see cref="PageShapes"/>), with that page's docs and
/// locations put back: its method, the types and enums it is the origin of (the first page, in path order, that defines
/// them: their docs come from it), and resolution's diagnostics about it, located. Every item of the API belongs to
/// exactly one page, so the pages' shares together are the whole API.
/// </summary>
public static class ResolvedPages
{
    private static readonly ConditionalWeakTable<ApiModel, Dictionary<string, Share>> s_sharesByPage = new();

    /// <summary>
    /// Each page's last share and what it gave: when a page is added or removed, the model changes but most pages'
    /// shares do not, and the same result object tells Roslyn at once that nothing downstream needs to run.
    /// </summary>
    private static readonly ConditionalWeakTable<PageModel, LastResult> s_lastByPage = new();

    public static ResolvedPage Of(ApiModel api, PageModel page)
    {
        if (!s_sharesByPage.GetValue(api, SplitByPage).TryGetValue(page.FilePath, out var share))
        {
            return ResolvedPage.Empty;
        }

        var last = s_lastByPage.GetValue(page, _ => new LastResult());
        lock (last)
        {
            if (last.Share is { } previous && previous.SameAs(share))
            {
                return last.Result!;
            }
        }

        var result = Restore(share, page);
        lock (last)
        {
            (last.Share, last.Result) = (share, result);
        }

        return result;
    }

    private static ResolvedPage Restore(Share share, PageModel page)
    {
        var locations = PageShapes.LocationsOf(page);
        var dtos = new Dictionary<string, DtoModel>(StringComparer.Ordinal);
        foreach (var dto in page.Dtos)
        {
            if (!dtos.ContainsKey(dto.Name))
            {
                dtos[dto.Name] = dto;
            }
        }

        var items = new PageEmitItems(
            share.Methods.Select(m => WithDocs(m, page, dtos)).ToEquatableArray(),
            share.Dtos.Select(d => WithDocs(d, dtos.TryGetValue(d.Origin!.Name, out var own) ? own : null)).ToEquatableArray(),
            share.Enums.Select(e => page.Enums.FirstOrDefault(own => own.Name == e.Origin!.Name) is { } own
                ? e with { Description = own.Description, Location = own.Location }
                : e with { Location = MarkdownLocation.None }).ToEquatableArray());
        var diagnostics = share.Diagnostics.Select(d => PageShapes.Locate(d, locations)).ToEquatableArray();
        return new ResolvedPage(items, diagnostics);
    }

    /// <summary>Resolution's diagnostics that are about no page (the summary, the overrides file): reported once.</summary>
    public static EquatableArray<DiagnosticInfo> DiagnosticsOfNoPage(ApiModel api) =>
        api.Diagnostics.Where(d => d.Location is not { IsAnchor: true }).ToEquatableArray();

    private static ResolvedMethod WithDocs(ResolvedMethod resolved, PageModel page, Dictionary<string, DtoModel> dtos)
    {
        if (page.Method is not { } own)
        {
            return resolved;
        }

        var request = own.RequestDtoName is { } name && dtos.TryGetValue(name, out var dto) ? dto : null;
        var restored = resolved.Request is null ? null : WithDocs(resolved.Request, request);
        return resolved with
        {
            Method = resolved.Method with { Title = own.Title, Description = own.Description, Example = own.Example, Location = own.Location },
            Request = restored,

            // The parameters are the request's fields, in order, with their placement.
            Parameters = resolved.Parameters.Select((p, i) => p with
            {
                Field = restored is not null && i < restored.Fields.Count ? restored.Fields[i] : p.Field with { Location = MarkdownLocation.None },
            }).ToEquatableArray(),
        };
    }

    /// <summary>
    /// The resolved type with the docs and locations of the page's own definition. Definitions equal all the way down
    /// have the same fields in the same order, so fields match by position.
    /// </summary>
    private static DtoModel WithDocs(DtoModel resolved, DtoModel? own)
    {
        var matches = own is not null && own.Fields.Count == resolved.Fields.Count;
        return resolved with
        {
            Description = own?.Description ?? string.Empty,
            Location = own?.Location ?? MarkdownLocation.None,
            Fields = resolved.Fields.Select((f, i) => matches && own!.Fields[i].WireName == f.WireName
                ? f with { Description = own.Fields[i].Description, Example = own.Fields[i].Example, Location = own.Fields[i].Location }
                : f with { Location = MarkdownLocation.None }).ToEquatableArray(),
        };
    }

    private static Dictionary<string, Share> SplitByPage(ApiModel api)
    {
        var shares = new Dictionary<string, Share>(StringComparer.Ordinal);
        Share Of(string page) => shares.TryGetValue(page, out var share) ? share : shares[page] = new Share();

        foreach (var method in api.Methods)
        {
            Of(method.PagePath).Methods.Add(method);
        }

        foreach (var dto in api.Dtos)
        {
            Of(dto.Origin?.PagePath ?? string.Empty).Dtos.Add(dto);
        }

        foreach (var enumModel in api.Enums)
        {
            Of(enumModel.Origin?.PagePath ?? string.Empty).Enums.Add(enumModel);
        }

        foreach (var diagnostic in api.Diagnostics)
        {
            if (diagnostic.Location is { IsAnchor: true } anchor)
            {
                Of(anchor.FilePath).Diagnostics.Add(diagnostic);
            }
        }

        return shares;
    }

    private sealed class Share
    {
        public List<ResolvedMethod> Methods { get; } = new();

        public List<DtoModel> Dtos { get; } = new();

        public List<EnumModel> Enums { get; } = new();

        public List<DiagnosticInfo> Diagnostics { get; } = new();

        public bool SameAs(Share other) =>
            Methods.SequenceEqual(other.Methods) && Dtos.SequenceEqual(other.Dtos) && Enums.SequenceEqual(other.Enums) && Diagnostics.SequenceEqual(other.Diagnostics);
    }

    private sealed class LastResult
    {
        public Share? Share { get; set; }

        public ResolvedPage? Result { get; set; }
    }
}

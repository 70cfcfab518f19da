using System;
using System.Collections.Generic;
using System.Linq;
using Authing.DocsGen.Model;

namespace Authing.DocsGen.Resolution;

/// <summary>
/// A page's shape: its model with what cross-page resolution never reads taken out — docs text (titles, descriptions,
/// examples) and offsets. Resolution runs over shapes, so an edit of a page's docs, or text moving on it, leaves every
/// shape equal and resolution is not re-run; each page then restores its own docs and locations
/// (<see cref="ResolvedPages"/>).
/// <para>
/// Kept: names, wire names, types, required flags, defaults (pagination reads the <c>limit</c> default), enum values and
/// their meanings (merged across pages, so no single page could restore them), the skip diagnostics of a page without a
/// method (the build summary counts their reasons). Locations become anchors: the n-th located element in the order
/// in which <see cref="LocationsOf"/> lists them (method, each type then its fields, enums), which maps them back.
/// </para>
/// </summary>
public static class PageShapes
{
    public static PageModel Of(PageModel page)
    {
        var ordinal = 0;
        MarkdownLocation Anchor(MarkdownLocation _) => MarkdownLocation.Anchor(page.FilePath, ordinal++);

        return page with
        {
            Method = page.Method is { } method
                ? method with { Title = string.Empty, Description = string.Empty, Example = null, Location = Anchor(method.Location) }
                : null,
            Dtos = page.Dtos.Select(dto => dto with
            {
                Description = string.Empty,
                Location = Anchor(dto.Location),
                Fields = dto.Fields.Select(f => f with { Description = string.Empty, Example = null, Location = Anchor(f.Location) }).ToEquatableArray(),
            }).ToEquatableArray(),
            Enums = page.Enums.Select(e => e with { Description = string.Empty, Location = Anchor(e.Location) }).ToEquatableArray(),
            Diagnostics = page.Method is null
                ? page.Diagnostics.Select(d => d with { Location = null }).ToEquatableArray()
                : EquatableArray<DiagnosticInfo>.Empty,
        };
    }

    /// <summary>The page's real locations, indexed by the anchors <see cref="Of"/> gives (the same walk).</summary>
    public static IReadOnlyList<MarkdownLocation> LocationsOf(PageModel page)
    {
        var locations = new List<MarkdownLocation>();
        if (page.Method is { } method)
        {
            locations.Add(method.Location);
        }

        foreach (var dto in page.Dtos)
        {
            locations.Add(dto.Location);
            locations.AddRange(dto.Fields.Select(f => f.Location));
        }

        locations.AddRange(page.Enums.Select(e => e.Location));
        return locations;
    }

    /// <summary>The diagnostic with its anchor replaced by the location it stands for (<paramref name="locations"/>: its page's, from <see cref="LocationsOf"/>).</summary>
    public static DiagnosticInfo Locate(DiagnosticInfo diagnostic, IReadOnlyList<MarkdownLocation> locations) =>
        diagnostic.Location is { IsAnchor: true } anchor
            ? diagnostic with
            {
                Location = anchor.AnchorOrdinal < locations.Count ? locations[anchor.AnchorOrdinal] : new MarkdownLocation(anchor.FilePath, 0, 0, 0, 0, 0, 0),
            }
            : diagnostic;
}

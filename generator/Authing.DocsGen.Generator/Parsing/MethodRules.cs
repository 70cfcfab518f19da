using System.Collections.Generic;
using System.IO;
using System.Linq;
using Authing.DocsGen.Diagnostics;
using Authing.DocsGen.Model;
using Authing.DocsGen.Text;

namespace Authing.DocsGen.Parsing;

/// <summary>
/// The rules that decide a page's method name, client, verb and route (FORMAT.md §7). Each starts with the same override
/// chain — MSBuild item metadata, then a page directive, then the page's <c>docsgen.json</c> entry — and an override
/// that cannot be used is reported (ADG019) and the next source is tried.
/// </summary>
internal sealed class MethodRules
{
    private readonly string _filePath;
    private readonly LineMap _lines;
    private readonly PageOverrides _overrides;
    private readonly Directives _directives;
    private readonly System.Action<DiagnosticInfo> _report;

    public MethodRules(string filePath, LineMap lines, PageOverrides overrides, Directives directives, System.Action<DiagnosticInfo> report)
    {
        _filePath = filePath;
        _lines = lines;
        _overrides = overrides;
        _directives = directives;
        _report = report;
    }

    private delegate bool TryParse<T>(string value, out T result);

    /// <summary>The page's <c>docsgen.json</c> entry, once the method name and client have found it.</summary>
    public MethodOverride? FileEntry { get; set; }

    /// <summary>
    /// The method-name rule: a <c>name=</c> directive, the method-name section, the live sample, a commented-out
    /// sample, else the file name. A name with invisible characters or over the length limit is reported and the next
    /// source is tried.
    /// </summary>
    public (string Name, FactSource Source, MarkdownLocation? Location) MethodName(PageSections sections, MarkdownLocation titleLocation)
    {
        const string Next = "the method name is taken from the next source";
        if (_directives.TryGet("name", out var name, out var at) && Naming.Words(name).Count > 0
            && NameRules.Accept("Method name", name, at ?? _lines.Locate(0, 0), Next, _report))
        {
            return (name, FactSource.PageDirective, at);
        }

        if (sections.MethodNameCode is { } code)
        {
            var qualified = code.Content.Trim();
            var method = qualified.Substring(qualified.LastIndexOf('.') + 1);
            var location = _lines.Locate(code.Span.Start, code.Span.End + 1);
            if (Naming.Words(method).Count > 0 && NameRules.Accept("Method name", method, location, Next, _report))
            {
                return (method, FactSource.MethodNameSection, location);
            }
        }

        foreach (var (samples, source) in new[] { (sections.LiveSamples, FactSource.SampleCode), (sections.CommentedSamples, FactSource.CommentedSampleCode) })
        {
            foreach (var sample in samples)
            {
                if (SampleCode.MethodName(sample) is { } fromSample && NameRules.Accept("Method name in the sample code", fromSample, titleLocation, Next, _report))
                {
                    return (fromSample, source, null);
                }
            }
        }

        return (Naming.ToCamelCase(Path.GetFileNameWithoutExtension(_filePath)), FactSource.FileName, null);
    }

    /// <summary>
    /// The client rule, strongest first: an override (item metadata, page directive; the <c>docsgen.json</c> entry is
    /// applied by the caller, because finding it needs the client); the docs folder (<c>authentication/</c>,
    /// <c>management/</c>); the live sample; the method-name section; a commented-out sample (those instantiate
    /// ManagementClient even on authentication pages); else ManagementClient.
    /// </summary>
    public (ClientKind Kind, FactSource Source) Client(PageSections sections)
    {
        if (FirstOverride<ClientKind>("client", "expected authentication or management", _overrides.Client, fileValue: null, TryParseClient, out var overridden, out var overrideSource))
        {
            return (overridden, overrideSource);
        }

        var section = sections.MethodNameCode is { } code ? SampleCode.ClientFromVariable(code.Content.Trim()) : null;
        var folder = DocsPaths.ClientFolder(_filePath);
        var live = sections.LiveSamples.Select(SampleCode.Client).FirstOrDefault(c => c is not null);
        var commented = sections.CommentedSamples.Select(SampleCode.Client).FirstOrDefault(c => c is not null);

        var decided = folder is not null ? (folder.Value, FactSource.Folder)
            : live is not null ? (live.Value, FactSource.SampleCode)
            : section is not null ? (section.Value, FactSource.MethodNameSection)
            : commented is not null ? (commented.Value, FactSource.CommentedSampleCode)
            : (ClientKind.Management, FactSource.Default);

        if (section is not null && sections.MethodNameCode is { } nameCode)
        {
            var location = _lines.Locate(nameCode.Span.Start, nameCode.Span.End + 1);
            foreach (var (other, source) in new[] { (live, FactSource.SampleCode), (folder, FactSource.Folder) })
            {
                if (other is not null && other != section)
                {
                    _report(DiagnosticFactory.Create(
                        DiagnosticDescriptors.ClientContradiction,
                        location,
                        section + "Client",
                        FactSourceText.Describe(source),
                        other + "Client",
                        decided.Item1 + "Client",
                        FactSourceText.Describe(decided.Item2)));
                    break;
                }
            }
        }

        return decided;
    }

    /// <summary>
    /// The verb rule: an override; else GET when every request row starts with a space (the query-string marker);
    /// else POST when a parameter is an object, a list or free-form JSON; else, for pages without the marker
    /// (English prettier-aligned tables cannot carry it, older pages never did), GET when the name reads as a read
    /// (get, list, check, is, count, search) and every parameter is a scalar; a page without parameters is GET unless
    /// its name reads as an action (create, delete, send, …); everything else is POST (<see cref="VerbRules"/>).
    /// </summary>
    public (HttpVerb, FactSource) Verb(bool queryMarker, IReadOnlyList<FieldModel> parameters, string pascalName) =>
        FirstOverride<HttpVerb>("verb", "expected GET, POST, PUT or DELETE", _overrides.Verb, FileEntry?.Verb?.ToString(), TryParseVerb, out var verb, out var source)
            ? (verb, source)
            : VerbRules.Infer(queryMarker, parameters.Select(p => p.Type).ToList(), pascalName);

    /// <summary>The route rule: an override; else <c>/api/v3/</c> + the file name (<see cref="RouteRules.FromFileName"/>).</summary>
    public (string, FactSource) Route() =>
        FirstOverride<string>("route", RouteRules.OverrideRequirement, _overrides.Route, FileEntry?.Route, TryParseRoute, out var route, out var source)
            ? (route, source)
            : (RouteRules.FromFileName(Path.GetFileNameWithoutExtension(_filePath)), FactSource.FileName);

    /// <summary>The override chain: item metadata, the page directive named <paramref name="key"/>, the <c>docsgen.json</c> entry.</summary>
    private bool FirstOverride<T>(string key, string requirement, string? metadataValue, string? fileValue, TryParse<T> parse, out T result, out FactSource source)
    {
        var candidates = new[]
        {
            (metadataValue, FactSource.ItemMetadata, (MarkdownLocation?)null),
            (_directives.TryGet(key, out var directive, out var at) ? directive : null, FactSource.PageDirective, at),
            (fileValue, FactSource.OverridesFile, FileEntry?.Location),
        };
        foreach (var (value, from, location) in candidates)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                continue;
            }

            if (parse(value!.Trim(), out result))
            {
                source = from;
                return true;
            }

            _report(DiagnosticFactory.Create(DiagnosticDescriptors.InvalidOverride, location ?? _lines.Locate(0, 0), key, value.Trim(), requirement));
        }

        result = default!;
        source = FactSource.Default;
        return false;
    }

    private static bool TryParseClient(string value, out ClientKind client)
    {
        var parsed = SampleCode.ClientFromVariable(value);
        client = parsed.GetValueOrDefault();
        return parsed.HasValue;
    }

    private static bool TryParseVerb(string value, out HttpVerb verb)
    {
        var parsed = VerbRules.Parse(value);
        verb = parsed.GetValueOrDefault();
        return parsed.HasValue;
    }

    private static bool TryParseRoute(string value, out string route)
    {
        route = value;
        return RouteRules.IsUsableOverride(value);
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Authing.DocsGen.Diagnostics;
using Authing.DocsGen.Model;
using Authing.DocsGen.Text;
using Markdig;
using Markdig.Syntax;

namespace Authing.DocsGen.Parsing;

/// <summary>
/// Parses one docs page into a <see cref="PageModel"/>. The only code that sees Markdig. Never throws: whatever goes
/// wrong becomes a located diagnostic.
/// </summary>
public static class PageParser
{
    private static readonly MarkdownPipeline s_pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UsePreciseSourceLocation()
        .Build();

    /// <param name="overridesFile">The docs tree's <c>docsgen.json</c>, if any; its entry for this page sits between the
    /// page's own directives and the inference rules.</param>
    public static PageModel Parse(string filePath, string text, PageOverrides overrides, OverridesFile? overridesFile = null)
    {
        var diagnostics = new List<DiagnosticInfo>();
        try
        {
            if (text.Length > ParserLimits.MaxPageChars)
            {
                diagnostics.Add(DiagnosticFactory.Create(
                    DiagnosticDescriptors.LimitExceeded,
                    new LineMap(filePath, text).Locate(ParserLimits.MaxPageChars, text.Length),
                    "The page (" + DiagnosticFactory.Count(text.Length) + " characters)",
                    DiagnosticFactory.Count(ParserLimits.MaxPageChars) + " characters",
                    "it is skipped"));
                return new PageModel(filePath, null, EquatableArray<DtoModel>.Empty, EquatableArray<EnumModel>.Empty, diagnostics.ToEquatableArray());
            }

            return new PageParse(filePath, text, overrides, overridesFile, diagnostics).Run();
        }
        catch (Exception ex)
        {
            diagnostics.Add(DiagnosticFactory.Create(
                DiagnosticDescriptors.PageFailed,
                new LineMap(filePath, text).Locate(0, 0),
                CSharp.Visible(ex.GetType().Name + ": " + ex.Message, 400)));
            return new PageModel(filePath, null, EquatableArray<DtoModel>.Empty, EquatableArray<EnumModel>.Empty, diagnostics.ToEquatableArray());
        }
    }

    private sealed class PageParse
    {
        private readonly string _filePath;
        private readonly PageOverrides _overrides;
        private readonly OverridesFile? _overridesFile;
        private MethodOverride? _fileEntry;
        private readonly List<DiagnosticInfo> _diagnostics;
        private readonly LineMap _lines;
        private readonly string _text;
        private readonly Dictionary<string, DtoModel> _dtosByName = new(StringComparer.Ordinal);

        public PageParse(string filePath, string text, PageOverrides overrides, OverridesFile? overridesFile, List<DiagnosticInfo> diagnostics)
        {
            _filePath = filePath;
            _overrides = overrides;
            _overridesFile = overridesFile;
            _diagnostics = diagnostics;
            _lines = new LineMap(filePath, text);
            _text = text;
        }

        public PageModel Run()
        {
            var document = MarkdownPreprocessor.Parse(_text, _lines, s_pipeline, _diagnostics.Add);
            if (document is null)
            {
                return Result(null, new List<DtoModel>(), new List<EnumModel>());
            }

            var sections = SectionReader.Read(document, _lines);
            var directives = Directives.Read(sections.Directives, _lines);

            var skipReason = SkipReason(sections, directives);
            if (skipReason is not null)
            {
                // A page that looks like an API page must not vanish behind an info: that is a method the SDK lacks.
                var apiSigns = skipReason is SkippedByOverrideReason or SeveralMethodsReason ? null : ApiSigns(sections);
                if (apiSigns is null)
                {
                    Report(DiagnosticDescriptors.NotAMethodPage, _lines.Locate(0, 0), Path.GetFileName(_filePath), skipReason);
                }
                else
                {
                    Report(DiagnosticDescriptors.ApiPageSkipped, _lines.Locate(0, 0), Path.GetFileName(_filePath), apiSigns, skipReason);
                }

                if (skipReason == SeveralMethodsReason)
                {
                    ReportSkippedMethods(document);
                }

                return Result(null, new List<DtoModel>(), new List<EnumModel>());
            }

            var rules = new MethodRules(_filePath, _lines, _overrides, directives, _diagnostics.Add);
            var (methodName, nameSource, nameLocation) = rules.MethodName(sections, Locate(sections.TitleHeading));
            var pascalName = Naming.ToPascalCase(methodName);
            if (pascalName.Length == 0 || pascalName.Length > ParserLimits.MaxNameLength)
            {
                Report(
                    DiagnosticDescriptors.UnusableName,
                    _lines.Locate(0, 0),
                    "Method name",
                    Path.GetFileName(_filePath),
                    pascalName.Length == 0 ? "neither the page nor its file name gives one with ASCII letters or digits" : "the file name is longer than " + DiagnosticFactory.Count(ParserLimits.MaxNameLength) + " characters",
                    "the page is skipped; name the method with <!-- authing-docsgen: name=… -->");
                return Result(null, new List<DtoModel>(), new List<EnumModel>());
            }

            var client = rules.Client(sections);
            _fileEntry = _overridesFile?.Find(_filePath, pascalName, client.Kind);
            rules.FileEntry = _fileEntry;
            if (_fileEntry is { Client: { } fileClient } && client.Source is not (FactSource.ItemMetadata or FactSource.PageDirective))
            {
                client = (fileClient, FactSource.OverridesFile);
            }

            if (client.Source is not (FactSource.MethodNameSection or FactSource.Folder or FactSource.ItemMetadata or FactSource.PageDirective or FactSource.OverridesFile))
            {
                Report(DiagnosticDescriptors.ClientInferred, Locate(sections.TitleHeading), client.Kind.ToString(), FactSourceText.Describe(client.Source));
            }

            if (_fileEntry is { Skip: true })
            {
                Report(DiagnosticDescriptors.NotAMethodPage, _lines.Locate(0, 0), Path.GetFileName(_filePath), "skipped by the docsgen.json entry '" + _fileEntry.Key + "'");
                return Result(null, new List<DtoModel>(), new List<EnumModel>());
            }

            var dtoSections = UsableDtoSections(sections);
            var dtoNames = new HashSet<string>(dtoSections.Select(d => d.Name), StringComparer.Ordinal);
            var enums = new List<EnumModel>();
            var fields = new FieldParser(_lines, dtoNames, enums, _diagnostics.Add, directives.NumberWidths(_diagnostics.Add), FileFieldTypes(dtoNames));
            var dtos = new List<DtoModel>();

            var requestFields = new List<FieldModel>();
            var queryMarker = false;
            var requestName = TypeLineName(sections.RequestTypeLine, "Request type", pascalName + "Dto");
            if (sections.ParametersTable is { } parameterTable)
            {
                var table = ReadTable(parameterTable, "request-parameter");
                if (table is not null)
                {
                    queryMarker = table.HasLeadingSpaceRows;
                    requestFields = fields.ParseTable(table, requestName, table.Columns.Contains(ColumnRole.Required));
                }
            }

            if (requestFields.Count > 0)
            {
                AddDto(dtos, new DtoModel(requestName, DtoRole.Request, string.Empty, requestFields.ToEquatableArray(), false, Locate(sections.ParametersHeading)));
            }

            var responseName = ReadResponse(sections, pascalName, fields, dtos);
            ReadDataStructures(dtoSections, fields, dtos);
            dtos = ElementTypes.Infer(dtos, fields.Untyped, responseName, sections.ResponseExample?.Lines.ToString(), _diagnostics.Add);
            dtos = DtoNesting.Limit(dtos, _diagnostics.Add);
            enums = EnumNamesClearOf(dtos, enums);

            var (verb, verbSource) = rules.Verb(queryMarker, requestFields, pascalName);
            var (route, routeSource) = rules.Route();
            var location = nameLocation ?? Locate(sections.TitleHeading);
            if (nameSource != FactSource.MethodNameSection && nameSource != FactSource.PageDirective)
            {
                Report(DiagnosticDescriptors.MethodNameInferred, location, methodName, FactSourceText.Describe(nameSource));
            }

            if (routeSource == FactSource.FileName)
            {
                Report(DiagnosticDescriptors.RouteInferred, location, route, FactSourceText.Describe(routeSource));
            }

            if (verbSource is not (FactSource.PageDirective or FactSource.ItemMetadata or FactSource.OverridesFile))
            {
                Report(DiagnosticDescriptors.VerbInferred, location, verb.ToString().ToUpperInvariant(), FactSourceText.Describe(verbSource));
            }

            var method = new MethodModel(
                client.Kind,
                client.Source,
                pascalName,
                nameSource,
                sections.Title ?? pascalName,
                string.Join("\n\n", sections.Description),
                verb,
                verbSource,
                route,
                routeSource,
                requestFields.Count > 0 ? requestName : null,
                responseName,
                DocsPaths.FromClientFolder(_filePath),
                location,
                sections.ResponseExample is { } example ? ExampleOf(example) : null);
            return Result(method, dtos, enums);
        }

        private string? SkipReason(PageSections sections, Directives directives)
        {
            if (_overrides.Skip || (directives.TryGet("skip", out var skip, out _) && skip.Equals("true", StringComparison.OrdinalIgnoreCase)))
            {
                return SkippedByOverrideReason;
            }

            if (sections.HasInclude)
            {
                return "it only includes another file (!!!include)";
            }

            if (sections.ParameterHeadings == 0 && sections.ResponseHeadings == 0)
            {
                return "it has no request-parameter or response section";
            }

            if (sections.ParameterHeadings > 1 || sections.ResponseHeadings > 1)
            {
                return SeveralMethodsReason;
            }

            return null;
        }

        private const string SeveralMethodsReason = "it describes several methods under free-form headings";

        private const string SkippedByOverrideReason = "skipped by an override";

        /// <summary>What makes a skipped page look like an API page (a method-name section, a parameter or response heading), or null.</summary>
        private static string? ApiSigns(PageSections sections)
        {
            var signs = new List<string>();
            if (sections.MethodNameCode is { } code)
            {
                signs.Add("its method-name section names '" + code.Content.Trim() + "'");
            }

            if (sections.ParameterHeadings > 0)
            {
                signs.Add("it has a request-parameter section");
            }

            if (sections.ResponseHeadings > 0)
            {
                signs.Add("it has a response section");
            }

            return signs.Count == 0 ? null : string.Join(" and ", signs);
        }

        /// <summary>ADG029: a multi-method page is skipped; the warning names each method so none is lost unnoticed.</summary>
        private void ReportSkippedMethods(MarkdownDocument document)
        {
            var methods = MultiMethodPage.Methods(document);
            if (methods.Count == 0)
            {
                return;
            }

            var names = string.Join(", ", methods.Take(20).Select(m => "'" + CSharp.Visible(m.Name, 60) + "' (line " + (Locate(m.Heading).StartLine + 1) + ")"))
                + (methods.Count > 20 ? " and " + DiagnosticFactory.Count(methods.Count - 20) + " more" : string.Empty);
            Report(DiagnosticDescriptors.MultiMethodPageSkipped, Locate(methods[0].Heading), Path.GetFileName(_filePath), DiagnosticFactory.Count(methods.Count), names);
        }

        private string ReadResponse(PageSections sections, string pascalName, FieldParser fields, List<DtoModel> dtos)
        {
            if (sections.ResponseHeading is null)
            {
                // The method still gets a response type: the bare envelope, which every Authing endpoint returns.
                Report(DiagnosticDescriptors.MissingResponse, Locate(sections.TitleHeading));
                var fallback = pascalName + "RespDto";
                AddDto(dtos, new DtoModel(fallback, DtoRole.Response, string.Empty, EquatableArray<FieldModel>.Empty, true, Locate(sections.TitleHeading)));
                return fallback;
            }

            var name = TypeLineName(sections.ResponseTypeLine, "Response type", pascalName + "RespDto");
            var responseFields = new List<FieldModel>();
            if (sections.ResponseTable is { } responseTable && ReadTable(responseTable, "response") is { } table)
            {
                responseFields = fields.ParseTable(table, name, hasRequiredColumn: false);
            }
            else if (sections.ResponseTable is null)
            {
                Report(DiagnosticDescriptors.MissingResponseTable, Locate(sections.ResponseHeading), name);
            }

            var envelope = responseFields.Count == 0
                || (responseFields.Any(f => f.WireName == "statusCode") && responseFields.Any(f => f.WireName == "message"));
            AddDto(dtos, new DtoModel(name, DtoRole.Response, string.Empty, responseFields.ToEquatableArray(), envelope, Locate(sections.ResponseHeading)));
            return name;
        }

        private void ReadDataStructures(List<DtoSection> sections, FieldParser fields, List<DtoModel> dtos)
        {
            foreach (var section in sections)
            {
                var fieldList = new List<FieldModel>();
                if (section.Table is not null && ReadTable(section.Table, "data-structure") is { } table)
                {
                    fieldList = fields.ParseTable(table, section.Name, table.Columns.Contains(ColumnRole.Required));
                }

                AddDto(dtos, new DtoModel(section.Name, DtoRole.Nested, string.Empty, fieldList.ToEquatableArray(), false, _lines.Locate(section.Start, section.End)));
            }
        }

        /// <summary>
        /// Adds a type unless the page already defines one of that name (a data-structure section repeated, or one that
        /// repeats the request or response type): the first definition wins, and ADG015 says whether the copy differs.
        /// </summary>
        private void AddDto(List<DtoModel> dtos, DtoModel dto)
        {
            if (_dtosByName.TryGetValue(dto.Name, out var first))
            {
                Report(
                    DiagnosticDescriptors.DuplicateDto,
                    dto.Location,
                    dto.Name,
                    first.Shape == dto.Shape ? "the copy is identical and ignored" : "the copies differ; the first definition is used");
                return;
            }

            _dtosByName.Add(dto.Name, dto);
            dtos.Add(dto);
        }

        /// <summary>The data-structure sections whose names can become types; the others are reported and left out.</summary>
        private List<DtoSection> UsableDtoSections(PageSections sections)
        {
            var usable = new List<DtoSection>();
            foreach (var section in sections.Dtos)
            {
                var location = _lines.Locate(section.Start, section.End);
                if (section.Name.Length == 0)
                {
                    Report(DiagnosticDescriptors.UnusableName, location, "Data structure", string.Empty, "the heading has no name", "its table is ignored");
                }
                else if (NameRules.Accept("Data structure", section.Name, location, "its table is ignored and links to it are free-form JSON", _diagnostics.Add))
                {
                    usable.Add(section);
                }
            }

            return usable;
        }

        /// <summary>The type named by a <c>类型：`X`</c> line, when it is usable; else <paramref name="fallback"/>.</summary>
        private string TypeLineName(Markdig.Syntax.Inlines.CodeInline? line, string what, string fallback)
        {
            if (line is null)
            {
                return fallback;
            }

            var name = line.Content.Trim();
            var location = _lines.Locate(line.Span.Start, line.Span.End + 1);
            if (Naming.Words(name).Count == 0)
            {
                Report(DiagnosticDescriptors.UnusableName, location, what, name, "it has no ASCII letters or digits", "the type is named '" + fallback + "'");
                return fallback;
            }

            return NameRules.Accept(what, name, location, "the type is named '" + fallback + "'", _diagnostics.Add) ? name : fallback;
        }

        /// <summary>
        /// Enum names are made up from the owner and the field (<c>WidgetStatus</c>), so one can equal a data structure's
        /// name on the same page; such an enum gets an <c>Enum</c> suffix, so that a name on a page means one type.
        /// </summary>
        private static List<EnumModel> EnumNamesClearOf(List<DtoModel> dtos, List<EnumModel> enums)
        {
            var taken = new HashSet<string>(dtos.Select(d => d.Name), StringComparer.Ordinal);
            var renames = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var name in enums.Select(e => e.Name).Distinct(StringComparer.Ordinal).ToList())
            {
                if (taken.Contains(name))
                {
                    var free = UniqueNames.Claim(name + "Enum", taken);
                    renames[name] = free;
                }
            }

            if (renames.Count == 0)
            {
                return enums;
            }

            for (var i = 0; i < dtos.Count; i++)
            {
                var dto = dtos[i];
                dtos[i] = dto with { Fields = dto.Fields.Select(f => f with { Type = RenameEnum(f.Type, renames) }).ToEquatableArray() };
            }

            return enums.Select(e => renames.TryGetValue(e.Name, out var free) ? e with { Name = free } : e).ToList();
        }

        private static TypeRef RenameEnum(TypeRef type, Dictionary<string, string> renames) => type.Kind switch
        {
            TypeKind.Enum when renames.TryGetValue(type.Name!, out var free) => TypeRef.Enum(free),
            TypeKind.List => TypeRef.ListOf(RenameEnum(type.Element!, renames)),
            _ => type,
        };

        private TableData? ReadTable(Markdig.Extensions.Tables.Table markdigTable, string kind)
        {
            var table = TableReader.Read(markdigTable, _lines, _diagnostics.Add);
            foreach (var role in new[] { ColumnRole.Name, ColumnRole.Type })
            {
                if (!table.Columns.Contains(role))
                {
                    Report(DiagnosticDescriptors.MissingColumn, _lines.Locate(markdigTable.Span.Start, markdigTable.Span.End + 1), kind, role.ToString().ToLowerInvariant());
                    return null;
                }
            }

            return table;
        }

        /// <summary>The code block's lines joined by <c>\n</c>, and where each line starts in the page.</summary>
        private static ResponseExample ExampleOf(Markdig.Syntax.FencedCodeBlock block)
        {
            var text = new System.Text.StringBuilder();
            var starts = new int[block.Lines.Count];
            for (var i = 0; i < block.Lines.Count; i++)
            {
                var line = block.Lines.Lines[i];
                if (i > 0)
                {
                    text.Append('\n');
                }

                starts[i] = line.Slice.Start;
                text.Append(line.Slice.ToString());
            }

            return new ResponseExample(text.ToString(), new EquatableArray<int>(starts));
        }

        private MarkdownLocation Locate(Block? block) =>
            block is null ? _lines.Locate(0, 0) : _lines.Locate(block.Span.Start, block.Span.End + 1);

        private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, MarkdownLocation location, params string[] args) =>
            _diagnostics.Add(DiagnosticFactory.Create(descriptor, location, args));

        private PageModel Result(MethodModel? method, List<DtoModel> dtos, List<EnumModel> enums) =>
            new(_filePath, method, dtos.ToEquatableArray(), enums.ToEquatableArray(), _diagnostics.ToEquatableArray(), _fileEntry?.Key);

        /// <summary>The <c>docsgen.json</c> entry's field types, resolved on this page; a name the page does not define is ADG027.</summary>
        private Dictionary<string, TypeRef> FileFieldTypes(ISet<string> dtoNames)
        {
            var types = new Dictionary<string, TypeRef>(StringComparer.Ordinal);
            foreach (var field in _fileEntry?.Fields ?? EquatableArray<FieldTypeOverride>.Empty)
            {
                var isList = field.Type.EndsWith("[]", StringComparison.Ordinal);
                var element = isList ? field.Type.Substring(0, field.Type.Length - 2) : field.Type;
                TypeRef? type = element switch
                {
                    "string" => TypeRef.String,
                    "int64" => TypeRef.Int64,
                    "double" => TypeRef.Double,
                    "boolean" => TypeRef.Boolean,
                    "json" => TypeRef.Json,
                    _ => dtoNames.Contains(element) ? TypeRef.Dto(element) : null,
                };
                if (type is null)
                {
                    // The entry's location is in docsgen.json, not in this page.
                    _diagnostics.Add(DiagnosticFactory.Create(DiagnosticDescriptors.OverridesFileProblem, field.Location, "field '" + field.WireName + "' of '" + _fileEntry!.Key + "': '" + element + "' is not a data structure of " + Path.GetFileName(_filePath) + "; the type column is used"));
                    continue;
                }

                types[field.WireName] = isList ? TypeRef.ListOf(type) : type;
            }

            return types;
        }
    }
}

using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Authing.DocsGen.Model;
using Authing.DocsGen.Resolution;

namespace Authing.DocsGen.Cli;

/// <summary>
/// <c>docsgen inspect</c>: the intermediate representation as JSON (schema 1, documented in the README). Everything is
/// ordered (pages and methods by docs path, types by name), so the output is stable for diffs.
/// </summary>
public static class InspectCommand
{
    public const int SchemaVersion = 1;

    public static int Run(InspectArguments args, TextWriter output, TextWriter error)
    {
        var folder = DocsFolder.Open(args.DocsDirectory);
        var compilation = DocsCompiler.Compile(folder.ReadPages(), args.Options, folder.ReadOverridesFile());
        if (args.Json)
        {
            output.Write(ToJson(compilation, args.Options));
        }
        else
        {
            WriteTable(output, compilation);
        }

        return Program.Success;
    }

    public static string ToJson(DocsCompilation compilation, GeneratorOptions options)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteNumber("schema", SchemaVersion);
            json.WriteStartObject("options");
            json.WriteString("namespace", options.RootNamespace);
            json.WriteString("modelsNamespace", options.ModelsNamespace);
            json.WriteString("accessibility", options.PublicTypes ? "public" : "internal");
            json.WriteEndObject();

            var methodsByPage = compilation.Api.Methods.ToDictionary(m => m.PagePath, StringComparer.Ordinal);
            json.WriteStartArray("pages");
            foreach (var page in compilation.Pages.OrderBy(p => p.FilePath, StringComparer.Ordinal))
            {
                json.WriteStartObject();
                json.WriteString("path", page.FilePath);
                if (methodsByPage.TryGetValue(page.FilePath, out var resolved))
                {
                    json.WriteString("method", resolved.Method.Client + "Client." + resolved.Method.Name);
                }
                else
                {
                    json.WriteNull("method");
                }

                if (page.OverrideKey is { } overrideKey)
                {
                    json.WriteString("override", overrideKey);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();

            var dtos = compilation.Api.Dtos.ToDictionary(d => d.Name, StringComparer.Ordinal);
            json.WriteStartArray("methods");
            foreach (var resolved in compilation.Api.Methods.OrderBy(m => m.PagePath, StringComparer.Ordinal))
            {
                WriteMethod(json, resolved);
            }

            json.WriteEndArray();

            json.WriteStartArray("dtos");
            foreach (var dto in compilation.Api.Dtos.OrderBy(d => d.Name, StringComparer.Ordinal))
            {
                json.WriteStartObject();
                json.WriteString("name", dto.Name);
                json.WriteString("role", dto.Role.ToString().ToLowerInvariant());
                json.WriteBoolean("envelope", dto.IsEnvelope);
                json.WriteBoolean("strict", dto.IsStrict);
                json.WriteString("description", dto.Description);
                WriteLocation(json, dto.Location);
                json.WriteStartArray("fields");
                foreach (var field in dto.Fields)
                {
                    json.WriteStartObject();
                    WriteField(json, field);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();

            json.WriteStartArray("enums");
            foreach (var enumModel in compilation.Api.Enums.OrderBy(e => e.Name, StringComparer.Ordinal))
            {
                json.WriteStartObject();
                json.WriteString("name", enumModel.Name);
                json.WriteString("description", enumModel.Description);
                WriteLocation(json, enumModel.Location);
                json.WriteStartArray("values");
                foreach (var member in enumModel.Members)
                {
                    json.WriteStartObject();
                    json.WriteString("value", member.Value);
                    json.WriteString("description", member.Description);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();

            json.WriteStartArray("diagnostics");
            foreach (var diagnostic in DiagnosticLine.From(compilation.Diagnostics))
            {
                json.WriteStartObject();
                json.WriteString("id", diagnostic.Id);
                json.WriteString("severity", diagnostic.SeverityText);
                json.WriteString("message", diagnostic.Message);
                if (diagnostic.Path is null)
                {
                    json.WriteNull("path");
                }
                else
                {
                    json.WriteString("path", diagnostic.Path);
                    json.WriteNumber("line", diagnostic.Line);
                    json.WriteNumber("column", diagnostic.Column);
                    json.WriteNumber("endLine", diagnostic.EndLine);
                    json.WriteNumber("endColumn", diagnostic.EndColumn);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();

            json.WriteStartArray("files");
            foreach (var source in compilation.Sources.OrderBy(s => s.HintName, StringComparer.Ordinal))
            {
                json.WriteStringValue(source.HintName);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";

        void WriteMethod(Utf8JsonWriter json, ResolvedMethod resolved)
        {
            var method = resolved.Method;
            json.WriteStartObject();
            json.WriteString("page", resolved.PagePath);
            json.WriteString("client", method.Client + "Client");
            WriteSource(json, "clientSource", method.ClientSource);
            json.WriteString("name", method.Name);
            WriteSource(json, "nameSource", method.NameSource);
            json.WriteString("verb", method.Verb.ToString().ToUpperInvariant());
            WriteSource(json, "verbSource", method.VerbSource);
            json.WriteString("route", method.Route);
            WriteSource(json, "routeSource", method.RouteSource);
            json.WriteString("title", method.Title);
            json.WriteString("description", method.Description);
            WriteLocation(json, method.Location);
            WriteName(json, "request", resolved.Request?.Name ?? method.RequestDtoName);
            WriteName(json, "response", method.ResponseDtoName);
            WriteName(json, "file", string.IsNullOrEmpty(resolved.HintName) ? null : resolved.HintName);
            if (resolved.Pagination is { } pagination)
            {
                json.WriteStartObject("pagination");
                json.WriteString("itemsMethod", pagination.ItemsMethod);
                json.WriteString("pagesMethod", pagination.PagesMethod);
                json.WriteString("itemType", pagination.ItemType.ToString());
                json.WriteString("page", pagination.PageProperty);
                json.WriteString("limit", pagination.LimitProperty);
                json.WriteString("items", pagination.DataProperty + "." + pagination.ListProperty);
                json.WriteString("totalCount", pagination.DataProperty + "." + pagination.TotalCountProperty);
                if (pagination.DefaultPageSize is { } size)
                {
                    json.WriteNumber("defaultPageSize", size);
                }
                else
                {
                    json.WriteNull("defaultPageSize");
                }

                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("pagination");
            }

            json.WriteStartArray("parameters");
            foreach (var (field, location) in resolved.Parameters)
            {
                json.WriteStartObject();
                WriteField(json, field);
                json.WriteString("in", location.ToString().ToLowerInvariant());
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }
    }

    /// <summary>The coarse kind of a fact's source: explicit (directive, item metadata, docsgen.json), page (what the page says), slug (file name, folder) or convention.</summary>
    public static string SourceKind(FactSource source) => source switch
    {
        FactSource.PageDirective or FactSource.ItemMetadata or FactSource.OverridesFile => "explicit",
        FactSource.MethodNameSection or FactSource.SampleCode or FactSource.CommentedSampleCode => "page",
        FactSource.FileName or FactSource.Folder => "slug",
        _ => "convention",
    };

    /// <summary>kebab-case of the <see cref="FactSource"/> member: <c>file-name</c>, <c>page-directive</c>, …</summary>
    public static string SourceName(FactSource source)
    {
        var name = source.ToString();
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                text.Append('-');
            }

            text.Append(char.ToLowerInvariant(name[i]));
        }

        return text.ToString();
    }

    private static void WriteSource(Utf8JsonWriter json, string property, FactSource source)
    {
        json.WriteStartObject(property);
        json.WriteString("fact", SourceName(source));
        json.WriteString("kind", SourceKind(source));
        json.WriteString("text", source.Describe());
        json.WriteEndObject();
    }

    private static void WriteField(Utf8JsonWriter json, FieldModel field)
    {
        json.WriteString("name", field.WireName);
        json.WriteString("type", TypeText(field.Type));
        json.WriteString("typeKind", KindText(field.Type.Kind));
        if (field.Type.Kind == TypeKind.List)
        {
            json.WriteString("elementType", TypeText(field.Type.Element!));
        }

        json.WriteBoolean("required", field.Required);
        json.WriteString("description", field.Description);
        WriteName(json, "default", field.DefaultValue);
        WriteName(json, "example", field.Example);
    }

    private static void WriteLocation(Utf8JsonWriter json, MarkdownLocation location)
    {
        if (location.FilePath.Length == 0)
        {
            json.WriteNull("location");
            return;
        }

        json.WriteStartObject("location");
        json.WriteString("path", location.FilePath);
        json.WriteNumber("line", location.StartLine + 1);
        json.WriteNumber("column", location.StartColumn + 1);
        json.WriteEndObject();
    }

    private static void WriteName(Utf8JsonWriter json, string property, string? value)
    {
        if (value is null)
        {
            json.WriteNull(property);
        }
        else
        {
            json.WriteString(property, value);
        }
    }

    public static string TypeText(TypeRef type) => type.Kind switch
    {
        TypeKind.Dto or TypeKind.Enum => type.Name!,
        TypeKind.List => TypeText(type.Element!) + "[]",
        _ => KindText(type.Kind),
    };

    private static string KindText(TypeKind kind) => kind switch
    {
        TypeKind.String => "string",
        TypeKind.Int64 => "int64",
        TypeKind.Double => "double",
        TypeKind.Boolean => "boolean",
        TypeKind.Json => "json",
        TypeKind.Dto => "dto",
        TypeKind.Enum => "enum",
        TypeKind.List => "list",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static void WriteTable(TextWriter output, DocsCompilation compilation)
    {
        output.WriteLine("client.method                              verb    route                                    (client / verb / route from)");
        foreach (var resolved in compilation.Api.Methods.OrderBy(m => m.PagePath, StringComparer.Ordinal))
        {
            var m = resolved.Method;
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{(m.Client + "Client." + m.Name),-42} {m.Verb.ToString().ToUpperInvariant(),-7} {m.Route,-40} ({SourceName(m.ClientSource)} / {SourceName(m.VerbSource)} / {SourceName(m.RouteSource)})"));
        }

        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{Summary.Plural(compilation.Api.Methods.Count, "method")}, {Summary.Plural(compilation.Api.Dtos.Count, "DTO")}, {Summary.Plural(compilation.Api.Enums.Count, "enum")}; docsgen inspect --json for everything"));
    }
}

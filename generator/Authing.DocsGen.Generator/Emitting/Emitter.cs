using System.Collections.Generic;
using System.Linq;
using Authing.DocsGen.Model;
using Authing.DocsGen.Resolution;
using Authing.DocsGen.Text;
using Scriban.Runtime;

namespace Authing.DocsGen.Emitting;

/// <summary>A generated file: its hint name and its text.</summary>
public sealed record GeneratedSource(string HintName, string Text);

/// <summary>
/// Pure functions from IR to C# source. Builds the template models (every docs string already escaped) and renders
/// them; knows nothing about Markdig or the incremental pipeline.
/// </summary>
public static class Emitter
{
    private const string Runtime = "global::Authing.Sdk.Runtime";
    private const string Json = "global::System.Text.Json.Serialization.JsonConverter";
    private const string ReadOnlyList = "global::System.Collections.Generic.IReadOnlyList";

    public static GeneratedSource EmitClient(ClientKind client, GeneratorOptions options)
    {
        var model = Common(options);
        model["client"] = client.ToString();
        return new GeneratedSource($"{client}Client.g.cs", TemplateRenderer.Render("Client", model));
    }

    public static GeneratedSource EmitMethod(ResolvedMethod resolved, GeneratorOptions options)
    {
        var method = resolved.Method;
        var model = Common(options);
        var models = "global::" + options.ModelsNamespace + ".";
        model["client"] = method.Client.ToString();
        model["name"] = CSharp.Identifier(method.Name, "Method") + "Async";
        model["summary"] = Doc(method.Title);
        model["remarks"] = Doc(method.Description);
        model["http_method"] = method.Verb switch
        {
            HttpVerb.Get => "Get",
            HttpVerb.Put => "Put",
            HttpVerb.Delete => "Delete",
            _ => "Post",
        };
        model["verb"] = method.Verb.ToString().ToUpperInvariant();
        model["route_literal"] = CSharp.StringLiteral(method.Route);
        model["route_doc"] = CSharp.XmlDocText(method.Route);
        model["provenance"] = CSharp.LineComment(
            $"Generated from {method.DocsPath}: client from the {FactSourceText.Describe(method.ClientSource)}, verb from the {FactSourceText.Describe(method.VerbSource)}, route from the {FactSourceText.Describe(method.RouteSource)}.");
        model["response_type"] = models + CSharp.Identifier(method.ResponseDtoName!, "Response");
        model["response_converter"] = models + CSharp.Identifier(method.ResponseDtoName!, "Response") + "JsonConverter.Instance";

        var request = resolved.Request;
        model["has_request"] = request is not null;
        model["request_type"] = request is null ? string.Empty : models + CSharp.Identifier(request.Name, "Request");
        model["request_converter"] = request is null ? string.Empty : models + CSharp.Identifier(request.Name, "Request") + "JsonConverter.Instance";
        model["uses_body"] = request is not null && method.Verb != HttpVerb.Get;

        var placeholders = Placeholders(method.Route);
        var pathParameters = new ScriptArray();
        var queryParameters = new ScriptArray();
        if (request is not null)
        {
            for (var i = 0; i < request.Fields.Count; i++)
            {
                var field = request.Fields[i];
                var parameter = new ScriptObject
                {
                    ["wire_literal"] = CSharp.StringLiteral(field.WireName),
                    // A required open enum is a plain struct; the query overload for enums takes it as nullable.
                    ["value"] = field.Type.Kind == TypeKind.Enum && request.IsStrict && field.Required
                        ? $"({TypeName(field.Type, options)}?)request.{PropertyName(field)}"
                        : "request." + PropertyName(field),
                    ["is_string"] = field.Type.Kind == TypeKind.String,
                    ["is_json"] = field.Type.Innermost.Kind is TypeKind.Dto or TypeKind.Json,
                    ["is_scalar"] = field.Type.Kind is TypeKind.String or TypeKind.Int64 or TypeKind.Double or TypeKind.Boolean or TypeKind.Enum,
                    ["converter"] = Converter(field.Type, options).Init,
                    ["default_literal"] = request.IsStrict && field.Required ? string.Empty : DefaultLiteral(field, options) ?? string.Empty,
                };
                if (placeholders.Contains(field.WireName))
                {
                    pathParameters.Add(parameter);
                }
                else if (method.Verb == HttpVerb.Get)
                {
                    queryParameters.Add(parameter);
                }
            }
        }

        model["path_parameters"] = pathParameters;
        model["query_parameters"] = queryParameters;
        AddPagination(model, resolved, options);
        return new GeneratedSource(resolved.HintName, TemplateRenderer.Render("ClientMethod", model));
    }

    /// <summary>The auto-pagination companions' model; resolution decided whether the method pages and their names.</summary>
    private static void AddPagination(ScriptObject model, ResolvedMethod resolved, GeneratorOptions options)
    {
        var pagination = resolved.Pagination;
        model["is_paginated"] = pagination is not null && resolved.Request is not null;
        if (pagination is null || resolved.Request is not { } request)
        {
            return;
        }

        model["items_method"] = pagination.ItemsMethod;
        model["pages_method"] = pagination.PagesMethod;
        model["item_type"] = ElementTypeName(pagination.ItemType, options);
        model["page_property"] = pagination.PageProperty;
        model["limit_property"] = pagination.LimitProperty;
        model["data_property"] = pagination.DataProperty;
        model["list_property"] = pagination.ListProperty;
        model["total_count_property"] = pagination.TotalCountProperty;
        model["default_page_size"] = pagination.DefaultPageSize is { } size
            ? size.ToString(System.Globalization.CultureInfo.InvariantCulture) + "L"
            : "global::Authing.Sdk.Runtime.AuthingPaging.DefaultPageSize";
        model["default_page_size_doc"] = pagination.DefaultPageSize is { } documented
            ? documented.ToString(System.Globalization.CultureInfo.InvariantCulture) + ", the docs' default"
            : "10, Authing's default (the docs give none)";

        // A copy of the request for one page: every property as the caller set it, with this page's page and limit.
        var copied = new ScriptArray();
        foreach (var field in request.Fields)
        {
            var property = PropertyName(field);
            if (property != pagination.PageProperty && property != pagination.LimitProperty)
            {
                copied.Add(property);
            }
        }

        model["copied_properties"] = copied;
    }

    public static GeneratedSource EmitDto(DtoModel dto, GeneratorOptions options)
    {
        var model = Common(options);
        var typeName = CSharp.Identifier(dto.Name, "Dto");
        model["type_name"] = typeName;
        model["summary"] = Doc(dto.Role switch
        {
            DtoRole.Request => "Request parameters.",
            DtoRole.Response => "Response.",
            _ => $"Data structure {dto.Name}.",
        });
        model["is_envelope"] = dto.IsEnvelope;
        model["is_strict"] = dto.IsStrict;

        var fields = new ScriptArray();
        foreach (var field in dto.Fields)
        {
            if (dto.IsEnvelope && DtoModel.EnvelopeWireNames.Contains(field.WireName))
            {
                continue;
            }

            var type = TypeName(field.Type, options);
            var converter = Converter(field.Type, options);
            var required = dto.IsStrict && field.Required;
            var propertyName = PropertyName(field);

            // Member names follow the property, never the row's position: adding a row changes only lines about it.
            var camel = char.ToLowerInvariant(propertyName[0]) + propertyName.Substring(1);
            fields.Add(new ScriptObject
            {
                ["name"] = propertyName,
                ["local"] = camel + "Value",
                ["converter_field"] = "s_" + camel + "Converter",
                ["converter_property"] = propertyName + "Converter",
                ["wire_literal"] = CSharp.StringLiteral(field.WireName),
                ["wire_doc"] = CSharp.XmlDocText(field.WireName),
                ["type"] = required ? type : type + "?",
                ["local_type"] = type + "?",
                ["converter_type"] = converter.Type,
                ["converter_init"] = converter.Init,
                ["required"] = required,
                ["summary"] = Doc(field.Description.Length > 0 ? field.Description : field.WireName),
                ["example"] = field.Example is null ? new ScriptArray() : Doc(field.Example),
                ["default"] = field.DefaultValue is null ? string.Empty : CSharp.XmlDocText(field.DefaultValue),
            });
        }

        model["fields"] = fields;
        return new GeneratedSource($"Models/{typeName}.g.cs", TemplateRenderer.Render("Dto", model));
    }

    public static GeneratedSource EmitEnum(EnumModel enumModel, GeneratorOptions options)
    {
        var model = Common(options);
        var typeName = CSharp.Identifier(enumModel.Name, "Enum");
        model["type_name"] = typeName;
        model["summary"] = Doc(enumModel.Description.Length > 0 ? enumModel.Description : enumModel.Name);
        var taken = new HashSet<string>(System.StringComparer.Ordinal) { typeName, "Value", "IsKnown", "Equals", "GetHashCode", "ToString", "GetType", "KnownValues" };
        var members = new ScriptArray();
        foreach (var member in enumModel.Members)
        {
            members.Add(new ScriptObject
            {
                ["name"] = UniqueNames.Claim(CSharp.Identifier(Naming.ToPascalCaseTitled(member.Value), "Value"), taken),
                ["value_literal"] = CSharp.StringLiteral(member.Value),
                ["value_doc"] = CSharp.XmlDocText(member.Value),
                ["summary"] = Doc(member.Description.Length > 0 ? member.Description : member.Value),
            });
        }

        model["members"] = members;
        return new GeneratedSource($"Models/{typeName}.g.cs", TemplateRenderer.Render("Enum", model));
    }

    private static ScriptObject Common(GeneratorOptions options) => new()
    {
        ["namespace"] = options.RootNamespace,
        ["models_namespace"] = options.ModelsNamespace,
        ["accessibility"] = options.PublicTypes ? "public" : "internal",
    };

    private static ScriptArray Doc(string text)
    {
        var lines = new ScriptArray();
        foreach (var line in CSharp.XmlDocLines(text))
        {
            lines.Add(line);
        }

        return lines;
    }

    /// <summary>
    /// The documented default of a query parameter as a C# literal, or null when it has none or it does not fit the
    /// type. The node SDK sends defaults written into its signatures (<c>page=1&amp;limit=10</c>), so we do too.
    /// </summary>
    private static string? DefaultLiteral(FieldModel field, GeneratorOptions options)
    {
        if (field.DefaultValue is not { } value)
        {
            return null;
        }

        switch (field.Type.Kind)
        {
            case TypeKind.String:
                return CSharp.StringLiteral(value);
            case TypeKind.Int64 when long.TryParse(value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var number):
                return number.ToString(System.Globalization.CultureInfo.InvariantCulture) + "L";
            case TypeKind.Double when double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var real) && !double.IsInfinity(real):
                return real.ToString("R", System.Globalization.CultureInfo.InvariantCulture) + "d";
            case TypeKind.Boolean when value is "true" or "false":
                return value;
            case TypeKind.Enum:
                // Typed as nullable so that the query overload for open enums is chosen.
                return $"({TypeName(field.Type, options)}?)new {TypeName(field.Type, options)}({CSharp.StringLiteral(value)})";
            default:
                return null;
        }
    }

    /// <summary>Resolution assigns property names; a model that skipped it still gets a valid one.</summary>
    private static string PropertyName(FieldModel field) => field.PropertyName ?? CSharp.Identifier(field.WireName, "Field") switch
    {
        // Every DTO has this member (the bag of unknown and mismatched fields); resolution reserves it too.
        "AdditionalProperties" => "AdditionalPropertiesField",
        var name => name,
    };

    private static string TypeName(TypeRef type, GeneratorOptions options) => type.Kind switch
    {
        TypeKind.String => "string",
        TypeKind.Int64 => "long",
        TypeKind.Double => "double",
        TypeKind.Boolean => "bool",
        TypeKind.Json => "global::System.Text.Json.Nodes.JsonNode",
        TypeKind.Dto => "global::" + options.ModelsNamespace + "." + CSharp.Identifier(type.Name!, "Dto"),
        TypeKind.Enum => "global::" + options.ModelsNamespace + "." + CSharp.Identifier(type.Name!, "Enum"),
        _ => ReadOnlyList + "<" + ElementTypeName(type.Element!, options) + ">",
    };

    private static string ElementTypeName(TypeRef element, GeneratorOptions options) =>
        element.Kind is TypeKind.Json or TypeKind.List ? "global::System.Text.Json.Nodes.JsonNode?" : TypeName(element, options);

    private static (string Type, string Init) Converter(TypeRef type, GeneratorOptions options)
    {
        var name = TypeName(type, options);
        return type.Kind switch
        {
            TypeKind.String => ($"{Json}<string?>", $"{Runtime}.AuthingConverters.String"),
            TypeKind.Int64 => ($"{Json}<long?>", $"{Runtime}.AuthingConverters.Int64"),
            TypeKind.Double => ($"{Json}<double?>", $"{Runtime}.AuthingConverters.Double"),
            TypeKind.Boolean => ($"{Json}<bool?>", $"{Runtime}.AuthingConverters.Boolean"),
            TypeKind.Json => ($"{Json}<global::System.Text.Json.Nodes.JsonNode?>", $"{Runtime}.AuthingConverters.JsonNode"),
            TypeKind.Dto => ($"{Json}<{name}>", $"{name}JsonConverter.Instance"),
            TypeKind.Enum => ($"{Json}<{name}?>", $"{Runtime}.AuthingConverters.NullableOf({name}JsonConverter.Instance)"),
            _ => ($"{Json}<{name}?>", ListConverter(type.Element!, options)),
        };
    }

    private static string ListConverter(TypeRef element, GeneratorOptions options)
    {
        var name = TypeName(element, options);
        return element.Kind switch
        {
            TypeKind.String => $"{Runtime}.AuthingConverters.StringList",
            TypeKind.Int64 => $"{Runtime}.AuthingConverters.Int64List",
            TypeKind.Double => $"{Runtime}.AuthingConverters.DoubleList",
            TypeKind.Boolean => $"{Runtime}.AuthingConverters.BooleanList",
            TypeKind.Dto => $"{Runtime}.AuthingConverters.ListOf({name}JsonConverter.Instance)",
            TypeKind.Enum => $"{Runtime}.AuthingConverters.EnumListOf({name}JsonConverter.Instance)",
            _ => $"{Runtime}.AuthingConverters.JsonList",
        };
    }

    private static HashSet<string> Placeholders(string route)
    {
        var names = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (System.Text.RegularExpressions.Match match in System.Text.RegularExpressions.Regex.Matches(route, "{([^{}]+)}"))
        {
            names.Add(match.Groups[1].Value);
        }

        return names;
    }
}

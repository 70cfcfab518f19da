using System.Collections.Generic;
using System.Linq;
using Authing.DocsGen.Model;
using Authing.DocsGen.Text;
using Authing.DocsGen.Emitting.Views;

namespace Authing.DocsGen.Emitting;

/// <summary>A generated file: its hint name and its text.</summary>
public sealed record GeneratedSource(string HintName, string Text);

/// <summary>
/// Pure functions from IR to C# source: builds each template's view (<see cref="Views"/>; every docs string already
/// escaped) and renders it. Reads names and placements decided by resolution; knows nothing about Markdig or the
/// incremental pipeline.
/// </summary>
public static class Emitter
{
    private const string Runtime = "global::Authing.Sdk.Runtime";
    private const string Json = "global::System.Text.Json.Serialization.JsonConverter";
    private const string ReadOnlyList = "global::System.Collections.Generic.IReadOnlyList";

    public static GeneratedSource EmitClient(ClientKind client, GeneratorOptions options) =>
        new($"{client}Client.g.cs", TemplateRenderer.Render("Client", new ClientView { Client = client.ToString() }.For(options)));

    public static GeneratedSource EmitMethod(ResolvedMethod resolved, GeneratorOptions options)
    {
        var method = resolved.Method;
        var models = "global::" + options.ModelsNamespace + ".";
        var request = resolved.Request;
        var requestType = request is null ? string.Empty : models + CSharp.Identifier(request.Name, "Request");
        var responseType = models + CSharp.Identifier(method.ResponseDtoName!, "Response");
        var methodName = CSharp.Identifier(method.Name, "Method") + "Async";
        var view = new MethodView
        {
            Client = method.Client.ToString(),
            Name = methodName,
            Summary = Doc(method.Title),
            Remarks = Doc(method.Description),
            HttpMethod = method.Verb switch
            {
                HttpVerb.Get => "Get",
                HttpVerb.Put => "Put",
                HttpVerb.Delete => "Delete",
                _ => "Post",
            },
            Verb = method.Verb.ToString().ToUpperInvariant(),
            RouteLiteral = CSharp.StringLiteral(method.Route),
            RouteDoc = CSharp.XmlDocText(method.Route),
            Provenance = CSharp.LineComment(
                $"Generated from {method.DocsPath}: client from the {FactSourceText.Describe(method.ClientSource)}, verb from the {FactSourceText.Describe(method.VerbSource)}, route from the {FactSourceText.Describe(method.RouteSource)}."),
            ResponseType = responseType,
            ResponseConverter = responseType + "JsonConverter.Instance",
            HasRequest = request is not null,
            RequestType = requestType,
            RequestConverter = request is null ? string.Empty : requestType + "JsonConverter.Instance",
            UsesBody = request is not null && method.Verb != HttpVerb.Get,
            PathParameters = Parameters(resolved, ParameterLocation.Path, options),
            QueryParameters = Parameters(resolved, ParameterLocation.Query, options),
            OperationField = "s_" + char.ToLowerInvariant(methodName[0]) + methodName.Substring(1) + "Operation",
            OperationFields = resolved.Parameters.Select(p => new OperationFieldView
            {
                WireLiteral = CSharp.StringLiteral(p.Field.WireName),
                Kind = JsonKind(p.Field.Type),
                Required = p.Field.Required ? "true" : "false",
                Location = p.In.ToString(),
            }).ToArray(),
            ClientLiteral = CSharp.StringLiteral(method.Client.ToString()),
            MethodLiteral = CSharp.StringLiteral(CSharp.Identifier(method.Name, "Method")),
            DocsPathLiteral = CSharp.StringLiteral(method.DocsPath),
            DocsPathDoc = CSharp.XmlDocText(method.DocsPath),
            HasExample = method.Example is not null,
            ExampleLiteral = method.Example is { } example ? CSharp.StringLiteral(example.Text) : "null",
        };
        return new GeneratedSource(resolved.HintName, TemplateRenderer.Render("ClientMethod", WithPagination(view, resolved, options).For(options)));
    }

    public static GeneratedSource EmitDto(DtoModel dto, GeneratorOptions options)
    {
        var typeName = CSharp.Identifier(dto.Name, "Dto");
        var view = new DtoView
        {
            TypeName = typeName,
            Summary = Doc(dto.Role switch
            {
                DtoRole.Request => "Request parameters.",
                DtoRole.Response => "Response.",
                _ => $"Data structure {dto.Name}.",
            }),
            IsEnvelope = dto.IsEnvelope,
            IsStrict = dto.IsStrict,
            Fields = dto.Fields
                .Where(field => !(dto.IsEnvelope && DtoModel.EnvelopeWireNames.Contains(field.WireName)))
                .Select(field => Field(field, dto.IsStrict && field.Required, options))
                .ToArray(),
        };
        return new GeneratedSource($"Models/{typeName}.g.cs", TemplateRenderer.Render("Dto", view.For(options)));
    }

    public static GeneratedSource EmitEnum(EnumModel enumModel, GeneratorOptions options)
    {
        var typeName = CSharp.Identifier(enumModel.Name, "Enum");
        var view = new EnumView
        {
            TypeName = typeName,
            Summary = Doc(enumModel.Description.Length > 0 ? enumModel.Description : enumModel.Name),
            Members = enumModel.Members.Select(member => new EnumMemberView
            {
                Name = member.MemberName ?? CSharp.Identifier(Naming.ToPascalCaseTitled(member.Value), "Value"),
                ValueLiteral = CSharp.StringLiteral(member.Value),
                ValueDoc = CSharp.XmlDocText(member.Value),
                Summary = Doc(member.Description.Length > 0 ? member.Description : member.Value),
            }).ToArray(),
        };
        return new GeneratedSource($"Models/{typeName}.g.cs", TemplateRenderer.Render("Enum", view.For(options)));
    }

    /// <summary>The auto-pagination companions; resolution decided whether the method pages and their names.</summary>
    private static MethodView WithPagination(MethodView view, ResolvedMethod resolved, GeneratorOptions options)
    {
        if (resolved.Pagination is not { } pagination || resolved.Request is not { } request)
        {
            return view;
        }

        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        return view with
        {
            IsPaginated = true,
            ItemsMethod = pagination.ItemsMethod,
            PagesMethod = pagination.PagesMethod,
            ItemType = ElementTypeName(pagination.ItemType, options),
            PageProperty = pagination.PageProperty,
            LimitProperty = pagination.LimitProperty,
            DataProperty = pagination.DataProperty,
            ListProperty = pagination.ListProperty,
            TotalCountProperty = pagination.TotalCountProperty,
            DefaultPageSize = pagination.DefaultPageSize is { } size
                ? size.ToString(invariant) + "L"
                : "global::Authing.Sdk.Runtime.AuthingPaging.DefaultPageSize",
            DefaultPageSizeDoc = pagination.DefaultPageSize is { } documented
                ? documented.ToString(invariant) + ", the docs' default"
                : "10, Authing's default (the docs give none)",
            // A copy of the request for one page: every property as the caller set it, with this page's page and limit.
            CopiedProperties = request.Fields
                .Select(PropertyName)
                .Where(property => property != pagination.PageProperty && property != pagination.LimitProperty)
                .ToArray(),
        };
    }

    /// <summary>The kind of JSON value the offline test double accepts for a request field (<c>AuthingJsonKind</c>).</summary>
    private static string JsonKind(TypeRef type) => type.Kind switch
    {
        TypeKind.String => "String",
        TypeKind.Int64 or TypeKind.Double => "Number",
        TypeKind.Boolean => "Boolean",
        TypeKind.Dto => "Object",
        TypeKind.Enum => "Enum",
        TypeKind.List => "Array",
        _ => "Any",
    };

    private static T For<T>(this T view, GeneratorOptions options)
        where T : FileView => view with
    {
        Namespace = options.RootNamespace,
        ModelsNamespace = options.ModelsNamespace,
        Accessibility = options.PublicTypes ? "public" : "internal",
    };

    private static ParameterView[] Parameters(ResolvedMethod resolved, ParameterLocation location, GeneratorOptions options) => resolved.Parameters
        .Where(p => p.In == location)
        .Select(p => p.Field)
        .Select(field => new ParameterView
        {
            WireLiteral = CSharp.StringLiteral(field.WireName),
            // A required open enum is a plain struct; the query overload for enums takes it as nullable.
            Value = field.Type.Kind == TypeKind.Enum && resolved.Request!.IsStrict && field.Required
                ? $"({TypeName(field.Type, options)}?)request.{PropertyName(field)}"
                : "request." + PropertyName(field),
            IsString = field.Type.Kind == TypeKind.String,
            IsJson = field.Type.Innermost.Kind is TypeKind.Dto or TypeKind.Json,
            IsScalar = field.Type.Kind is TypeKind.String or TypeKind.Int64 or TypeKind.Double or TypeKind.Boolean or TypeKind.Enum,
            Converter = Converter(field.Type, options).Init,
            DefaultLiteral = resolved.Request!.IsStrict && field.Required ? string.Empty : DefaultLiteral(field, options) ?? string.Empty,
        })
        .ToArray();

    private static FieldView Field(FieldModel field, bool required, GeneratorOptions options)
    {
        var type = TypeName(field.Type, options);
        var converter = Converter(field.Type, options);
        var propertyName = PropertyName(field);

        // Member names follow the property, never the row's position: adding a row changes only lines about it.
        var camel = char.ToLowerInvariant(propertyName[0]) + propertyName.Substring(1);
        return new FieldView
        {
            Name = propertyName,
            Local = camel + "Value",
            ConverterField = "s_" + camel + "Converter",
            ConverterProperty = propertyName + "Converter",
            WireLiteral = CSharp.StringLiteral(field.WireName),
            WireDoc = CSharp.XmlDocText(field.WireName),
            Type = required ? type : type + "?",
            LocalType = type + "?",
            ConverterType = converter.Type,
            ConverterInit = converter.Init,
            Required = required,
            Summary = Doc(field.Description.Length > 0 ? field.Description : field.WireName),
            Example = field.Example is null ? [] : Doc(field.Example),
            Default = field.DefaultValue is null ? string.Empty : CSharp.XmlDocText(field.DefaultValue),
        };
    }

    private static string[] Doc(string text) => CSharp.XmlDocLines(text).ToArray();

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
}

using System.Text;
using Authing.DocsGen.Tests.Infrastructure;
using CsCheck;

namespace Authing.DocsGen.Tests.Properties;

/// <summary>
/// Random method pages in every shape FORMAT.md describes: Chinese and English headings (demoted, glued, lower-case),
/// the three table shapes with HTML header cells (malformed ones too), compact, prettier-aligned and IntelliJ layouts,
/// the query-marker space, multi-line cells, pipes in backticks, every type of the vocabulary, enums in all three
/// notations, nested and recursive data structures, duplicates, missing anchors, live and commented-out samples,
/// directives, type lines, envelopes with and without <c>data</c>, and CR/LF/CRLF line endings.
/// </summary>
/// <remarks>With <c>hostile</c>, docs text (titles, descriptions, examples, defaults, some names) also carries
/// <see cref="HostileText"/>.</remarks>
public static class PageGenerator
{
    public static Gen<TestPage> Page(bool hostile) =>
        new CodeGen<TestPage>(rnd => new Writer(rnd, hostile).Page(), page => (ulong)page.Text.Length);

    /// <summary>Several pages for one compilation; names repeat across pages on purpose (shared and conflicting types).</summary>
    public static Gen<TestPage[]> Batch(bool hostile, int count) =>
        new CodeGen<TestPage[]>(
            rnd => Enumerable.Range(0, count).Select(i => new Writer(rnd, hostile).Page(i)).DistinctBy(p => p.Path, StringComparer.OrdinalIgnoreCase).ToArray(),
            pages => (ulong)pages.Sum(p => p.Text.Length));

    private static readonly string[] s_verbs = { "get", "list", "create", "update", "delete", "check", "count", "is", "bind", "unbind", "send", "verify", "reset", "search", "export", "revoke", "veirfy" };
    private static readonly string[] s_nouns = { "widget", "gadget", "tenant", "device", "badge", "invoice", "user", "role", "group", "factor", "code", "policy", "token", "owner", "tag", "schedule", "member", "quota", "provier", "item" };
    /// <summary>Type names the generated code or the runtime also uses.</summary>
    private static readonly string[] s_clashingTypeNames =
    {
        "AuthingResponse", "AuthingApiException", "JsonConverter", "ManagementClient", "AuthenticationClient", "ManagementClientOptions",
        "System", "Authing", "Models", "Runtime", "Instance", "String", "Task", "Object", "Nullable", "IAuthingEnum", "CancellationToken",
        "HttpMethod", "JsonNode", "Utf8JsonReader", "AuthingJson", "AuthingConverters", "Value", "global", "class", "WidgetDtoJsonConverter",
    };

    private static readonly string[] s_zhWords = { "部件", "设备", "租户", "用户", "获取", "列表", "详情", "状态", "是否", "返回", "信息", "时间", "标识", "名称", "配置" };
    private static readonly string[] s_enWords = { "the", "widget", "returns", "whether", "owner", "status", "time", "identifier", "name", "configuration", "list", "of", "is", "when", "enabled" };

    private sealed class Writer(Rnd rnd, bool hostile)
    {
        private readonly List<string> _lines = new();
        private readonly bool _en = rnd.Chance(0.45);
        private List<string> _dtos = new();

        public TestPage Page(int index = 0)
        {
            var words = new List<string> { rnd.Pick(s_verbs) };
            for (var i = rnd.Int(1, 3); i > 0; i--)
            {
                words.Add(rnd.Pick(s_nouns) + (rnd.Chance(0.2) ? "s" : string.Empty));
            }

            var camel = words[0] + string.Concat(words.Skip(1).Select(Upper));
            var slug = rnd.Chance(0.85) ? string.Join("-", words) : string.Join("-", words.Take(1).Append("my").Concat(words.Skip(1)));
            var folder = rnd.Pick("management", "management", "authentication", "misc", "docs/zh/management", "authentication/v3");
            var client = folder.Contains("authentication", StringComparison.Ordinal) ? "AuthenticationClient" : "ManagementClient";
            if (rnd.Chance(0.1))
            {
                client = client == "ManagementClient" ? "AuthenticationClient" : "ManagementClient";
            }

            var path = $"{folder}/{rnd.Pick(s_nouns)}s/{slug}{(index > 0 && rnd.Chance(0.2) ? index.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty)}.md";
            _dtos = Enumerable.Range(0, rnd.Int(0, 6)).Select(_ => DtoName()).Distinct(StringComparer.Ordinal).ToList();

            Line("# " + Text(_en ? Sentence(rnd.Int(2, 5)) : Zh(rnd.Int(2, 5))));
            Blank();
            if (rnd.Chance(0.8))
            {
                Line("<!--");
                Line(_en ? "  Warning ⚠️:" : "  警告⚠️：");
                Line(_en ? "  Do not edit this document directly," : "  不要直接修改该文档，");
                Line("  https://example.com/widget-docs-factory");
                Line("-->");
                Blank();
            }

            if (rnd.Chance(0.15))
            {
                Directive(camel);
            }

            if (rnd.Chance(0.9))
            {
                Line("<LastUpdated />");
                Blank();
            }

            if (rnd.Chance(0.3))
            {
                Line(rnd.Pick("> 本文档根据 OpenAPI 自动生成。", "> This document is automatically generated from the OpenAPI specification.", "> This document is generated by the docs factory; do not edit it by hand."));
                Blank();
            }

            Description();
            if (rnd.Chance(0.5))
            {
                Heading(2, rnd.Pick(_en ? new[] { "Method name", "Method Name" } : new[] { "方法名称" }));
                Line("`" + client + "." + Cased(words) + "`");
                Blank();
            }

            if (rnd.Chance(0.9))
            {
                Heading(rnd.Chance(0.1) ? 3 : 2, rnd.Pick(_en ? new[] { "Request parameters", "Request Parameters" } : new[] { "请求参数" }));
                if (rnd.Chance(0.1))
                {
                    TypeLine(Upper(camel) + "Dto");
                }

                if (rnd.Chance(0.95))
                {
                    Table(TableKind.Request, rnd.Int(0, 7));
                }
            }

            Sample(client, camel);
            if (rnd.Chance(0.9))
            {
                Response(camel);
            }

            if (rnd.Chance(0.85))
            {
                DataStructures();
            }

            return new TestPage(path, Join());
        }

        private enum TableKind
        {
            Request,
            Dto,
            Response,
        }

        private void Line(string text) => _lines.Add(text);

        private void Blank()
        {
            for (var i = rnd.Chance(0.2) ? rnd.Int(2, 4) : 1; i > 0; i--)
            {
                _lines.Add(rnd.Chance(0.05) ? "   " : string.Empty);
            }
        }

        private void Heading(int level, string text)
        {
            var heading = new string('#', level) + " " + text;
            Line(rnd.Chance(0.05) ? heading.ToLowerInvariant() : heading);
            Blank();
        }

        private void TypeLine(string name) =>
            Line((_en ? rnd.Pick("Type: ", "Type： ") : "类型： ") + "`" + (hostile && rnd.Chance(0.05) ? HostileText.Inject(rnd, name) : name) + "`");

        private void Directive(string camel)
        {
            var pairs = new List<string>();
            if (rnd.Chance(0.5))
            {
                pairs.Add("verb=" + rnd.Pick("GET", "POST", "PUT", "DELETE", "get", "FETCH"));
            }

            if (rnd.Chance(0.4))
            {
                pairs.Add("route=" + rnd.Pick("/api/v3/widgets/{widgetId}", "/api/v3/" + camel, "/api/v3/x/{id}", "api/v3/no-slash", "/api/v3/a b"));
            }

            if (rnd.Chance(0.3))
            {
                pairs.Add("client=" + rnd.Pick("management", "authentication", "Management", "nobody"));
            }

            if (rnd.Chance(0.3))
            {
                pairs.Add("name=" + (hostile && rnd.Chance(0.3) ? HostileText.Inject(rnd, camel).Replace("-->", string.Empty, StringComparison.Ordinal) : camel));
            }

            if (rnd.Chance(0.05))
            {
                pairs.Add("skip=true");
            }

            Line("<!-- authing-docsgen: " + string.Join(" ", pairs) + " -->");
            Blank();
        }

        private void Description()
        {
            Line(Text(_en ? Sentence(rnd.Int(4, 14)) : Zh(rnd.Int(4, 14))));
            Blank();
            switch (rnd.Int(8))
            {
                case 0:
                    Line("### " + Text(_en ? "Notes" : "注意事项"));
                    Blank();
                    Line(Text(_en ? Sentence(6) : Zh(6)));
                    Blank();
                    break;
                case 1:
                    Line("```json");
                    Line("{ \"a\": 1, \"b\": [1, 2] }");
                    Line("```");
                    Blank();
                    break;
                case 2:
                    Line("::: tip");
                    Line(Text(_en ? Sentence(5) : Zh(5)));
                    Line(":::");
                    Blank();
                    break;
                case 3:
                    Line("<details><summary>" + Text("more") + "</summary>");
                    Blank();
                    Line(Text(Sentence(4)));
                    Blank();
                    Line("</details>");
                    Blank();
                    break;
            }
        }

        private void Sample(string client, string camel)
        {
            var variable = client == "ManagementClient" ? "managementClient" : "authenticationClient";
            var code = new[]
            {
                $"const {variable} = new {client}({{",
                "  accessKeyId: 'AUTHING_ACCESS_KEY_ID',",
                "});",
                $"const result = await {variable}.{camel}({{ a: 1 }});",
                "console.log(JSON.stringify(result, null, 2));",
            };
            switch (rnd.Int(3))
            {
                case 0:
                    Heading(2, _en ? rnd.Pick("Sample code", "Sample Code", "Example code") : "示例代码");
                    Line("```" + rnd.Pick("ts", "js", "csharp", "python", string.Empty));
                    code.ToList().ForEach(Line);
                    Line("```");
                    Blank();
                    break;
                case 1:
                    Line("<!-- 暂时不显示示例代码 -->");
                    Blank();
                    Line("<!-- ## 示例代码");
                    Line("```ts");
                    code.ToList().ForEach(Line);
                    Line("```");
                    Line("-->");
                    Blank();
                    break;
            }
        }

        private void Response(string camel)
        {
            Heading(rnd.Chance(0.1) ? 3 : 2, _en ? rnd.Pick("Request response", "Request Response") : "请求响应");
            var typeName = rnd.Chance(0.1) ? Upper(camel) + "RespDtp" : Upper(camel) + rnd.Pick("RespDto", "SingleRespDto", "PaginatedRespDto");
            if (rnd.Chance(0.9))
            {
                TypeLine(typeName);
                Blank();
            }

            if (rnd.Chance(0.9))
            {
                Table(TableKind.Response, rnd.Int(0, 4));
            }

            if (rnd.Chance(0.7))
            {
                Line(_en ? rnd.Pick("Sample result:", "Example results:", "Example Results：") : "示例结果：");
                Blank();
                Line("```json");
                Line("{");
                Line("  \"statusCode\": 200,");
                Line("  \"message\": \"" + Text("ok").Replace("\n", " ", StringComparison.Ordinal) + "\",");
                Line("  \"data\": " + rnd.Pick("{ \"id\": \"w_1\" }", "[]", "\"[object Object]\"", "null"));
                Line("}");
                Line("```");
                Blank();
            }
        }

        private void DataStructures()
        {
            var heading = _en ? rnd.Pick("Data structure", "Data Structure") : "数据结构";
            var glue = _dtos.Count > 0 && rnd.Chance(0.05);
            if (!glue)
            {
                Heading(2, heading);
            }

            var order = _dtos.ToList();
            rnd.Shuffle(order);
            for (var i = 0; i < order.Count; i++)
            {
                var name = order[i];
                var anchorName = hostile && rnd.Chance(0.05) ? HostileText.Inject(rnd, name) : name;
                var header = $"### <a id=\"{anchorName}\"></a> {anchorName}";
                Line(glue && i == 0 ? "## " + heading + header : header);
                Blank();
                if (rnd.Chance(0.95))
                {
                    var before = _lines.Count;
                    Table(TableKind.Dto, rnd.Int(0, 6));
                    if (rnd.Chance(0.08))
                    {
                        // The same structure defined twice on one page: identical, or with other fields.
                        Line(header);
                        Blank();
                        if (rnd.Chance(0.5))
                        {
                            _lines.AddRange(_lines.Skip(before).Take(_lines.Count - before).ToList());
                        }
                        else
                        {
                            Table(TableKind.Dto, rnd.Int(0, 3));
                        }
                    }
                }
            }
        }

        private void Table(TableKind kind, int rows)
        {
            var columns = kind switch
            {
                TableKind.Request => new[] { Column.Name, Column.Type, Column.Required, Column.Default, Column.Description, Column.Example },
                TableKind.Dto => new[] { Column.Name, Column.Type, Column.Required, Column.Description, Column.Example },
                _ => rnd.Chance(0.15)
                    ? new[] { Column.Name, Column.Type, Column.MustBePresent, Column.Description, Column.Example }
                    : new[] { Column.Name, Column.Type, Column.Description },
            };
            var header = columns.Select(HeaderCell).ToArray();
            var body = new List<string[]>();
            var names = new List<string>();
            if (kind == TableKind.Response && rnd.Chance(0.75))
            {
                foreach (var (envelopeName, envelopeType) in new[] { ("statusCode", "number"), ("message", "string"), ("apiCode", "number"), ("requestId", "string") })
                {
                    body.Add(columns.Select(c => c switch
                    {
                        Column.Name => envelopeName,
                        Column.Type => envelopeType,
                        Column.MustBePresent => rnd.Pick("是", "否"),
                        Column.Description => Text(_en ? Sentence(4) : Zh(4)),
                        _ => string.Empty,
                    }).ToArray());
                }

                if (rnd.Chance(0.8))
                {
                    var (type, description) = TypeAndDescription();
                    body.Add(columns.Select(c => c switch
                    {
                        Column.Name => "data",
                        Column.Type => type,
                        Column.MustBePresent => "是",
                        Column.Description => description,
                        _ => Example(type),
                    }).ToArray());
                }
            }

            for (var i = 0; i < rows; i++)
            {
                var name = FieldName(names);
                names.Add(name);
                var (type, description) = TypeAndDescription();
                body.Add(columns.Select(c => c switch
                {
                    Column.Name => name,
                    Column.Type => type,
                    Column.Required or Column.MustBePresent => rnd.Pick("是", "否", "yes", "no", "Yes", "No", "is", "-", string.Empty, rnd.Chance(0.1) ? "maybe" : "否"),
                    Column.Default => Default(),
                    Column.Description => description,
                    _ => Example(type),
                }).ToArray());
            }

            var layout = _en && rnd.Chance(0.7) ? Layout.Aligned : rnd.Pick(Layout.Compact, Layout.Compact, Layout.Aligned, Layout.IntelliJ);
            var marker = kind == TableKind.Request && layout != Layout.Aligned && rnd.Chance(0.4);
            var truncateLast = rnd.Chance(0.03);
            WriteTable(header, body, layout, marker, truncateLast);
            Blank();
        }

        private enum Column
        {
            Name,
            Type,
            Required,
            MustBePresent,
            Default,
            Description,
            Example,
        }

        private enum Layout
        {
            Compact,
            Aligned,
            IntelliJ,
        }

        private string HeaderCell(Column column)
        {
            var word = column switch
            {
                Column.Name => _en ? rnd.Pick("Name", "name") : "名称",
                Column.Type => _en ? rnd.Pick("Type", "type") : "类型",
                Column.Required => _en ? rnd.Pick("Is it required?", "Is it required", "Required") : rnd.Pick("是否必填", "必填"),
                Column.MustBePresent => "是否必含",
                Column.Default => _en ? rnd.Pick("Default value", "Default Value") : "默认值",
                Column.Description => _en ? "Description" : "描述",
                _ => _en ? rnd.Pick("Example value", "Example Value", "Sample value", "Sample Value") : "示例值",
            };
            if (column is Column.Name or Column.Type || rnd.Chance(0.3))
            {
                return word;
            }

            var width = rnd.Pick("80", "60", "300", "200");
            return rnd.Int(4) switch
            {
                0 => $"<div style=\"width:{width}px\"></div>{word}</div>",
                1 => $"<div style=\" width:{width}px\">{word}</div>",
                _ => $"<div style=\"width:{width}px\">{word}</div>",
            };
        }

        private void WriteTable(string[] header, List<string[]> body, Layout layout, bool marker, bool truncateLast)
        {
            var widths = header.Select((h, i) => Math.Max(3, body.Select(r => Width(r[i])).Append(Width(h)).Max())).ToArray();
            string Row(IReadOnlyList<string> cells) => layout == Layout.Aligned
                ? "| " + string.Join(" | ", cells.Select((c, i) => c + new string(' ', Math.Max(0, widths[i] - Width(c))))) + " |"
                : "| " + string.Join(" | ", cells) + " |";

            Line(Row(header));
            Line(layout switch
            {
                Layout.Aligned => "| " + string.Join(" | ", widths.Select(w => new string('-', w))) + " |",
                Layout.IntelliJ => "|" + string.Join("|", widths.Select(w => new string('-', w + 2))) + "|",
                _ => rnd.Pick("| " + string.Join(" | ", header.Select(_ => "----")) + " |", "| ---- |  " + string.Join(" | ", header.Skip(1).Select(_ => "----")) + " |", "|" + string.Join("|", header.Select(_ => "---")) + "|"),
            });
            for (var i = 0; i < body.Count; i++)
            {
                var row = Row(body[i]);
                if (marker)
                {
                    row = " " + row.Replace(" | ", rnd.Chance(0.3) ? "  | " : " | ", StringComparison.Ordinal);
                }

                if (truncateLast && i == body.Count - 1)
                {
                    row = row.Substring(0, rnd.Int(1, row.Length));
                }

                Line(row);
            }
        }

        private static int Width(string cell) => cell.Sum(c => c >= 0x1100 ? 2 : 1);

        private (string Type, string Description) TypeAndDescription()
        {
            var description = Text(_en ? Sentence(rnd.Int(2, 8)) : Zh(rnd.Int(2, 8)));
            var dto = _dtos.Count > 0 && rnd.Chance(0.9) ? rnd.PickFrom(_dtos) : DtoName();
            var nested = (_en ? rnd.Pick("Nested type:", "Nesting type:", "of nested type:") : "嵌套类型：") + $"<a href=\"#{dto}\">{dto}</a>。";
            switch (rnd.Int(40))
            {
                case < 12:
                    return ("string", Enumish(description));
                case < 18:
                    return ("number", description);
                case < 22:
                    return ("boolean", description);
                case < 26:
                    return ($"<a href=\"#{dto}\">{dto}</a>", description);
                case < 28:
                    return ($"<a href=\"#{dto}\">{dto}[]</a>", description);
                case < 30:
                    return ("array", rnd.Chance(0.6) ? description + nested : description);
                case < 33:
                    return (string.Empty, rnd.Chance(0.8) ? description + nested : description);
                case < 35:
                    return ("object", rnd.Chance(0.3) ? description + nested : description);
                case < 37:
                    return ("string[]", description);
                case 37:
                    return (rnd.Pick("String", "bool", "integer", "number[]"), description);
                case 38:
                    return (dto, description);
                default:
                    return (rnd.Pick("Promise<T>", "any", "Map<string, string>", "int64", hostile ? HostileText.Next(rnd) : "unknown"), description);
            }
        }

        /// <summary>Descriptions that are enums in one of the docs' notations, or bullet lists that are not.</summary>
        private string Enumish(string description)
        {
            var values = Enumerable.Range(0, rnd.Int(2, 5)).Select(_ => EnumValue()).ToList();
            return rnd.Int(6) switch
            {
                0 => description + "：" + string.Concat(values.Select(v => (rnd.Chance(0.2) ? "<br>  - " : "<br>- ") + (rnd.Chance(0.8) ? $"`{v}`" : v) + ": " + Text(Zh(2)))) + "<br>",
                1 => description + "。枚举值：" + string.Join(",", values.Select(v => $"`{v}`")),
                2 => description + ":<br>- " + Text(Sentence(4)) + "<br>- " + Text(Sentence(3)),
                _ => description,
            };
        }

        private string EnumValue()
        {
            var value = rnd.Pick("ACTIVE", "ARCHIVED", "DRAFT", "zh-CN", "en-US", "azure-ad", "sms", "OTP", "v1.2", "Asc", "Desc", "1", "2fa", "class", "Value", "IsKnown", "a_b");
            return hostile && rnd.Chance(0.05) ? HostileText.Inject(rnd, value) : value;
        }

        private string FieldName(List<string> existing)
        {
            if (existing.Count > 0 && rnd.Chance(0.04))
            {
                var again = rnd.PickFrom(existing);
                return rnd.Chance(0.5) ? again : again.ToUpperInvariant();
            }

            var words = Enumerable.Range(0, rnd.Int(1, 3)).Select(_ => rnd.Pick(s_nouns)).ToList();
            var name = rnd.Int(12) switch
            {
                0 => string.Join("_", words),
                1 => rnd.Pick("class", "namespace", "event", "2faEnabled", "Equals", "statusCode", "message", "value", "request", "cancellationToken", "data", "ToString", "Instance", "__proto__", "id"),
                _ => words[0] + string.Concat(words.Skip(1).Select(Upper)),
            };
            return hostile && rnd.Chance(0.04) ? HostileText.Inject(rnd, name) : name;
        }

        private string Default() => rnd.Int(10) switch
        {
            < 4 => "-",
            4 => string.Empty,
            5 => rnd.Pick("1", "10", "100", "0.5"),
            6 => rnd.Pick("user_id", "default", "Desc", "Activated", "true", "false"),
            7 => "[object Object]",
            _ => Text("-"),
        };

        private string Example(string type)
        {
            var value = rnd.Int(14) switch
            {
                0 => string.Empty,
                1 => "`" + rnd.Pick("w_5f8d2c1a9e", "1669876543210", "0.75", "true", "10") + "`",
                2 => rnd.Pick("ACTIVE", "zh-CN", "1"),
                3 => "`{\"a\":1,\"b\":[true,null]}`",
                4 => "`[\"a\",\"b\"]`",
                5 => "`https://example.com/a?b=c&d=e`",
                6 => "`eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig`",
                7 => "`data:image/png;base64,iVBORw0KGgo=`",
                8 => "`(|(model=Thermo Mini)(model=Thermo Max))`",
                9 => "`color: red;\n  margin: 0;`",
                10 => "😀 " + Zh(2),
                11 => "`" + Text("text") + "`",
                12 => "  `[object Object]`",
                _ => type == "number" ? "`" + rnd.Pick("1", "1.5", "-0.5", "1e3") + "`" : "`x`",
            };
            return value;
        }

        private string DtoName() => rnd.Chance(0.03)
            ? rnd.Pick(s_clashingTypeNames)
            : Upper(rnd.Pick(s_nouns)) + (rnd.Chance(0.5) ? Upper(rnd.Pick(s_nouns)) : string.Empty) + rnd.Pick("Dto", "Dto", "RespDto", "DataDto", "ListDto", "Dto", string.Empty, "-Dto");

        private string Cased(List<string> words) => rnd.Int(3) switch
        {
            0 => words[0] + string.Concat(words.Skip(1).Select(Upper)),
            1 => string.Concat(words.Select(Upper)),
            _ => string.Join("_", words),
        };

        private string Text(string text)
        {
            if (!hostile || !rnd.Chance(0.3))
            {
                return rnd.Chance(0.05) ? text + "  " : text;
            }

            for (var i = rnd.Int(1, 3); i > 0; i--)
            {
                text = HostileText.Inject(rnd, text);
            }

            return text;
        }

        private string Sentence(int words) => string.Join(" ", Enumerable.Range(0, words).Select(_ => rnd.Pick(s_enWords))) + ".";

        private string Zh(int words) => string.Concat(Enumerable.Range(0, words).Select(_ => rnd.Pick(s_zhWords))) + "。";

        private static string Upper(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word.Substring(1);

        private string Join()
        {
            var text = new StringBuilder();
            var style = rnd.Int(20);
            for (var i = 0; i < _lines.Count; i++)
            {
                text.Append(_lines[i]);
                if (i < _lines.Count - 1 || rnd.Chance(0.8))
                {
                    text.Append(style switch
                    {
                        < 14 => "\n",
                        < 17 => "\r\n",
                        18 => "\r",
                        _ => rnd.Pick("\n", "\r\n", "\r"),
                    });
                }
            }

            return text.ToString();
        }
    }
}

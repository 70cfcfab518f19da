using System.Globalization;
using System.Text;

namespace Authing.DocsGen.Benchmarks.Corpus;

/// <summary>One synthetic docs page.</summary>
/// <param name="Path">Relative path, <c>client/category/slug.md</c> (the layout of <c>docs-input/</c>).</param>
/// <param name="Text">The Markdown.</param>
/// <param name="MethodName">The method name the page documents (camelCase, before any numeric suffix).</param>
/// <param name="English">English page (aligned tables, English headings) rather than Chinese.</param>
/// <param name="Layout">How its tables are laid out.</param>
/// <param name="QueryMarker">Request rows carry the leading-space query-string marker.</param>
/// <param name="Description">The first description paragraph: unique in the corpus, outside every table.</param>
/// <param name="RequestCell">A description cell of the page's own request table (unique on the page), or null when the page has no parameters.</param>
/// <param name="Verb">What the corpus's fictional server expects: GET for a read (get, list, check, count, search) whose
/// parameters are not objects, else POST. The page states it only through the query marker, where it can carry one.</param>
/// <param name="Route">What the fictional server expects: <c>/api/v3/</c> + the file's slug.</param>
public sealed record CorpusPage(
    string Path,
    string Text,
    string MethodName,
    bool English,
    TableLayout Layout,
    bool QueryMarker,
    string Description,
    string? RequestCell,
    string Verb = "POST",
    string Route = "")
{
    /// <summary>The page's size in UTF-8 bytes, as on disk.</summary>
    public int Utf8Size => Encoding.UTF8.GetByteCount(Text);

    /// <summary>The page with its first description paragraph changed (an edit outside tables that changes the generated docs).</summary>
    public CorpusPage WithEditedDescription(string suffix = " Edited.") =>
        this with { Text = ReplaceOnce(Text, Description, Description + suffix), Description = Description + suffix };

    /// <summary>The page with one request-table cell changed (an edit inside a table).</summary>
    public CorpusPage WithEditedRequestCell(string suffix = "（已更新）")
    {
        if (RequestCell is null)
        {
            throw new InvalidOperationException($"{Path} has no request table.");
        }

        return this with { Text = ReplaceOnce(Text, RequestCell, RequestCell + suffix), RequestCell = RequestCell + suffix };
    }

    /// <summary>The page with a blank line added at its end (a whitespace-only edit).</summary>
    public CorpusPage WithTrailingBlankLine() => this with { Text = Text + "\n" };

    private static string ReplaceOnce(string text, string oldValue, string newValue)
    {
        var at = text.IndexOf(oldValue, StringComparison.Ordinal);
        if (at < 0)
        {
            throw new InvalidOperationException("Edit target not found.");
        }

        return string.Concat(text.AsSpan(0, at), newValue, text.AsSpan(at + oldValue.Length));
    }
}

/// <summary>
/// A seeded, deterministic builder of realistic Authing docs pages (the shapes of <c>FORMAT.md</c>): Chinese and English
/// pages; compact, wide-delimiter, IntelliJ and prettier-aligned tables; the query-string marker rows; method-name
/// sections in camelCase, PascalCase and snake_case, or none; live, commented-out and missing samples; nested DTOs up to
/// three levels, <c>X[]</c> links, <c>array</c> + nested-type sentences, empty types, <c>object</c>, <c>string[]</c>;
/// enums in every notation (backticked and bare bullets, indented bullets, <c>&lt;br&gt;&lt;br&gt;</c>, <c>枚举值：</c>,
/// <c>可选枚举值：</c>); both client folders; types shared identically between pages, and now and then a same-named type
/// that differs (ADG014) or a duplicated definition (ADG015). Pages are 1–20 KB.
/// </summary>
/// <remarks>
/// Page <c>i</c> depends only on the seed and <c>i</c>, so <c>Build(100)</c> is the first 100 pages of <c>Build(600)</c>.
/// Uses <see cref="Random"/> with a seed (a fixed algorithm) and an own string hash, never <see cref="string.GetHashCode()"/>.
/// </remarks>
public static class SyntheticCorpus
{
    public const int DefaultSeed = 20_240_607;

    /// <summary>The largest corpus: one page per (verb, resource, qualifier).</summary>
    public static int MaxPages => Combos.Length;

    private static readonly string[] Verbs = { "get", "list", "create", "update", "delete", "check", "count", "search", "export", "enable", "disable", "reset", "bind", "archive" };

    private static readonly (string En, string Zh)[] Resources =
    {
        ("widget", "部件"), ("gadget", "小工具"), ("tenant", "租户"), ("device", "设备"), ("badge", "徽章"), ("invoice", "发票"),
        ("role", "角色"), ("group", "分组"), ("department", "部门"), ("application", "应用"), ("policy", "策略"), ("webhook", "Webhook"),
        ("session", "会话"), ("token", "令牌"), ("domain", "域名"), ("template", "模板"), ("workflow", "工作流"), ("dataset", "数据集"),
        ("report", "报表"), ("quota", "配额"), ("member", "成员"), ("namespace", "权限空间"), ("resource", "资源"), ("connection", "连接"),
    };

    private static readonly (string En, string Zh, string Entity)[] Qualifiers =
    {
        (string.Empty, string.Empty, string.Empty), ("detail", "详情", string.Empty), ("config", "配置", "Config"), ("members", "成员", "Member"),
        ("stats", "统计", "Stat"), ("history", "历史", "HistoryEntry"), ("tags", "标签", "Tag"), ("settings", "设置", "Setting"),
        ("logs", "日志", "Log"), ("permissions", "权限", "Permission"), ("status", "状态", "StatusInfo"), ("owner", "所有者", "OwnerInfo"),
    };

    private static readonly string[][] EnumPools =
    {
        new[] { "ACTIVE", "ARCHIVED", "DRAFT" },
        new[] { "Activated", "Suspended", "Resigned", "Archived" },
        new[] { "zh-CN", "en-US", "ja-JP" },
        new[] { "sms", "email", "push" },
        new[] { "azure-ad", "wechat.work", "ldap", "oidc" },
        new[] { "ios", "android", "web", "macos" },
        new[] { "PENDING", "RUNNING", "SUCCEEDED", "FAILED" },
        new[] { "LoginOnly", "SignupAndLogin" },
        new[] { "read", "write", "admin" },
    };

    private static readonly string[] ZhSentences =
    {
        "此接口需要管理员权限，调用前请确认 Access Key 已授予对应的权限范围。",
        "返回结果按创建时间倒序排列，单次最多返回 50 条记录。",
        "如果目标对象不存在，接口返回 404 状态码以及对应的细分错误码。",
        "该操作是幂等的，重复调用不会产生额外的副作用。",
        "在多租户场景下，需要在请求头中携带租户 ID，否则默认使用用户池级别的配置。",
        "修改会在 5 分钟内同步到所有区域，期间可能读取到旧值。",
        "详细的字段说明请参考下方的数据结构部分，所有时间均为毫秒级时间戳。",
        "该接口受到频率限制，每个用户池每秒最多调用 20 次。",
    };

    private static readonly string[] EnSentences =
    {
        "This endpoint requires administrator permissions; make sure the access key has been granted the matching scope.",
        "Results are sorted by creation time in descending order, and at most 50 records are returned per call.",
        "If the target does not exist, the endpoint returns status 404 with a segmented error code.",
        "The operation is idempotent: calling it again has no additional side effects.",
        "In multi-tenant setups, pass the tenant ID in the request header; otherwise the user pool's settings apply.",
        "Changes reach every region within five minutes, and reads may return the old value in the meantime.",
        "See the data structure section below for every field; all times are millisecond timestamps.",
        "The endpoint is rate limited to 20 calls per second per user pool.",
    };

    private static readonly (string Verb, int Resource, int Qualifier)[] Combos = BuildCombos();

    /// <summary>Builds <paramref name="pageCount"/> pages; the same arguments always give the same pages.</summary>
    public static IReadOnlyList<CorpusPage> Build(int pageCount, int seed = DefaultSeed)
    {
        if (pageCount < 0 || pageCount > MaxPages)
        {
            throw new ArgumentOutOfRangeException(nameof(pageCount), $"0..{MaxPages}");
        }

        var order = Shuffled(Combos.Length, seed);
        var pages = new List<CorpusPage>(pageCount);
        for (var i = 0; i < pageCount; i++)
        {
            pages.Add(new PageWriter(seed, i, Combos[order[i]]).Write());
        }

        return pages;
    }

    /// <summary>Writes the pages under <paramref name="directory"/> (UTF-8 without BOM, LF line endings).</summary>
    public static void Write(IEnumerable<CorpusPage> pages, string directory)
    {
        foreach (var page in pages)
        {
            var file = System.IO.Path.Combine(directory, page.Path);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
            File.WriteAllText(file, page.Text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }
    }

    private static (string, int, int)[] BuildCombos()
    {
        var combos = new List<(string, int, int)>();
        foreach (var verb in Verbs)
        {
            for (var r = 0; r < Resources.Length; r++)
            {
                for (var q = 0; q < Qualifiers.Length; q++)
                {
                    combos.Add((verb, r, q));
                }
            }
        }

        return combos.ToArray();
    }

    private static int[] Shuffled(int count, int seed)
    {
        var order = Enumerable.Range(0, count).ToArray();
        var random = new Random(seed);
        for (var i = count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        return order;
    }

    /// <summary>FNV-1a: a string hash that is the same in every process (string.GetHashCode is randomised).</summary>
    internal static int StableHash(string text)
    {
        unchecked
        {
            var hash = (int)2166136261;
            foreach (var c in text)
            {
                hash = (hash ^ c) * 16777619;
            }

            return hash & 0x7FFFFFFF;
        }
    }

    internal static string Pascal(string kebab) =>
        string.Concat(kebab.Split('-', StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(w[0]) + w.Substring(1)));

    internal static string Camel(string kebab)
    {
        var pascal = Pascal(kebab);
        return char.ToLowerInvariant(pascal[0]) + pascal.Substring(1);
    }

    private static string Snake(string kebab) => kebab.Replace('-', '_');

    private static string Plural(string noun) =>
        noun.EndsWith("y", StringComparison.Ordinal) ? noun[..^1] + "ies" : noun.EndsWith("s", StringComparison.Ordinal) ? noun + "es" : noun + "s";

    /// <summary>A field of a table: wire name, type cell, required, description, example, default (request tables only).</summary>
    private sealed record Field(string Name, string Type, bool Required, string Description, string Example, string Default = "-");

    /// <summary>A DTO of the data-structure section.</summary>
    private sealed record Dto(string Name, List<Field> Fields);

    /// <summary>Writes one page; all randomness comes from (seed, index) or, for shared types, from (seed, type name).</summary>
    private sealed class PageWriter
    {
        private readonly int _seed;
        private readonly Random _random;
        private readonly string _verb;
        private readonly (string En, string Zh) _resource;
        private readonly (string En, string Zh, string Entity) _qualifier;
        private readonly bool _en;
        private readonly bool _authentication;
        private readonly TableLayout _layout;
        private readonly List<Dto> _dtos = new();
        private readonly HashSet<string> _dtoNames = new(StringComparer.Ordinal);
        private readonly string _slug;
        private readonly string _methodKebab;

        public PageWriter(int seed, int index, (string Verb, int Resource, int Qualifier) combo)
        {
            _seed = seed;
            _random = new Random(unchecked((seed * 31) + (index * 7919) + 17));
            _verb = combo.Verb;
            _resource = Resources[combo.Resource];
            _qualifier = Qualifiers[combo.Qualifier];
            _en = _random.NextDouble() < 0.35;
            _authentication = _random.NextDouble() < 0.35;
            _layout = _en ? TableLayout.Aligned : _random.Next(10) switch
            {
                < 5 => TableLayout.CompactWideDelimiter,
                < 8 => TableLayout.Compact,
                _ => TableLayout.IntelliJ,
            };

            var plural = _verb is "list" or "search" or "count" or "export" && _qualifier.En.Length == 0;
            var noun = plural ? Plural(_resource.En) : _resource.En;
            _methodKebab = _qualifier.En.Length == 0 ? $"{_verb}-{noun}" : $"{_verb}-{noun}-{_qualifier.En}";

            // About one page in fifteen lives under a route-style slug that is not its method name (FORMAT.md §2, §7).
            _slug = _random.Next(15) == 0 ? _methodKebab.Insert(_verb.Length, "-my") : _methodKebab;
        }

        private string MethodCamel => Camel(_methodKebab);

        private string MethodPascal => Pascal(_methodKebab);

        private string Entity => Pascal(_resource.En) + _qualifier.Entity;

        private bool IsRead => _verb is "get" or "list" or "check" or "count" or "search";

        public CorpusPage Write()
        {
            var text = new StringBuilder(16 * 1024);
            var title = Title();
            var description = _en
                ? $"{title}: {MethodPascal} works on {Plural(_resource.En)}{(_qualifier.En.Length > 0 ? " (" + _qualifier.En + ")" : string.Empty)}. {Pick(EnSentences)}"
                : $"{title}：{_resource.Zh}{_qualifier.Zh}相关操作（{MethodCamel}）。{Pick(ZhSentences)}";

            text.Append("# ").Append(title).Append("\n\n");
            if (_random.Next(10) < 8)
            {
                text.Append(_en
                    ? "<!--\n  Warning ⚠️:\n  Do not edit this document directly,\n  it is generated by https://example.com/widget-docs-factory\n-->\n\n"
                    : "<!--\n  警告⚠️：\n  不要直接修改该文档，\n  https://example.com/widget-docs-factory\n  使用该项目进行生成\n-->\n\n");
            }

            text.Append("<LastUpdated />\n\n");
            if (_random.Next(3) == 0)
            {
                text.Append(_en
                    ? "> This document is generated automatically from the API definition by the docs factory.\n\n"
                    : "> 此文档由文档工厂根据接口定义自动生成。\n\n");
            }

            text.Append(description).Append("\n\n");
            AppendDescriptionExtras(text);

            var request = RequestFields();
            var sample = SampleStyle();
            var nameSection = NameSection(sample);
            if (nameSection is not null)
            {
                text.Append(_en ? Pick("## Method Name", "## Method name") : "## 方法名称").Append("\n\n`").Append(nameSection).Append("`\n\n");
            }

            var queryMarker = !_en && _layout != TableLayout.IntelliJ && IsRead && request.All(f => !IsObjectType(f.Type));
            string? requestCell = null;
            text.Append(_en ? Pick("## Request Parameters", "## Request parameters") : "## 请求参数").Append("\n\n");
            if (request.Count == 0)
            {
                text.Append(MarkdownTable.Render(RequestHeader(), Array.Empty<IReadOnlyList<string>>(), _layout, false)).Append("\n\n");
            }
            else
            {
                var rows = request.Select(f => (IReadOnlyList<string>)new[] { f.Name, f.Type, Required(f.Required), f.Default, f.Description, f.Example }).ToList();
                requestCell = request[0].Description;
                text.Append(MarkdownTable.Render(RequestHeader(), rows, _layout, queryMarker)).Append("\n\n");
            }

            AppendSample(text, sample, request);
            AppendResponse(text);
            AppendDataStructures(text);

            return new CorpusPage(
                $"{(_authentication ? "authentication" : "management")}/{Plural(_resource.En)}/{_slug}.md",
                text.ToString(),
                MethodCamel,
                _en,
                _layout,
                queryMarker,
                description,
                requestCell,
                IsRead && request.All(f => !IsObjectType(f.Type)) ? "GET" : "POST",
                "/api/v3/" + _slug);
        }

        private string Title()
        {
            if (_en)
            {
                var what = _resource.En + (_qualifier.En.Length > 0 ? " " + _qualifier.En : string.Empty);
                return _verb switch
                {
                    "list" => $"Get the {what} list",
                    "count" => $"Count {Plural(_resource.En)}{(_qualifier.En.Length > 0 ? " " + _qualifier.En : string.Empty)}",
                    _ => $"{char.ToUpperInvariant(_verb[0])}{_verb[1..]} {what}",
                };
            }

            var zhWhat = _resource.Zh + _qualifier.Zh;
            return _verb switch
            {
                "get" => "获取" + zhWhat,
                "list" => "获取" + zhWhat + "列表",
                "create" => "创建" + zhWhat,
                "update" => "修改" + zhWhat,
                "delete" => "删除" + zhWhat,
                "check" => "检查" + zhWhat,
                "count" => "统计" + zhWhat + "数量",
                "search" => "搜索" + zhWhat,
                "export" => "导出" + zhWhat,
                "enable" => "启用" + zhWhat,
                "disable" => "停用" + zhWhat,
                "reset" => "重置" + zhWhat,
                "bind" => "绑定" + zhWhat,
                _ => "归档" + zhWhat,
            };
        }

        /// <summary>Headings, lists, code blocks, admonitions and details inside the description (FORMAT.md §1).</summary>
        private void AppendDescriptionExtras(StringBuilder text)
        {
            for (var i = _random.Next(3); i > 0; i--)
            {
                text.Append(_en ? Pick(EnSentences) : Pick(ZhSentences)).Append(' ').Append(_en ? Pick(EnSentences) : Pick(ZhSentences)).Append("\n\n");
            }

            switch (_random.Next(8))
            {
                case 0:
                    text.Append(_en ? "### Notes\n\n" : "### 注意事项\n\n")
                        .Append("1. ").Append(_en ? Pick(EnSentences) : Pick(ZhSentences)).Append('\n')
                        .Append("2. ").Append(_en ? Pick(EnSentences) : Pick(ZhSentences)).Append("\n\n")
                        .Append("#### ").Append(_en ? "File format" : "文件格式").Append("\n\n```csv\nid,name,createdAt\nw_01,demo,1700000000000\n```\n\n");
                    break;
                case 1:
                    text.Append("::: tip\n").Append(_en ? Pick(EnSentences) : Pick(ZhSentences)).Append("\n:::\n\n");
                    break;
                case 2:
                    text.Append("<details>\n<summary>").Append(_en ? "More" : "更多说明").Append("</summary>\n\n")
                        .Append(_en ? Pick(EnSentences) : Pick(ZhSentences)).Append("\n\n</details>\n\n");
                    break;
            }
        }

        private string Required(bool required) => _en
            ? (_layout == TableLayout.Aligned && _random.Next(4) == 0 ? (required ? "yes" : "no") : (required ? "Yes" : "No"))
            : (required ? "是" : "否");

        private string[] RequestHeader()
        {
            if (_en)
            {
                return new[]
                {
                    "Name", "Type", "<div style=\"width:80px\">Is it required?</div>", "<div style=\"width:60px\">Default Value</div>",
                    "<div style=\"width:300px\">Description</div>", "<div style=\"width:200px\">Example value</div>",
                };
            }

            return new[]
            {
                "名称", "类型", "<div style=\"width:80px\">是否必填</div>", _random.Next(4) == 0 ? "默认值" : "<div style=\"width:60px\">默认值</div>",
                "<div style=\"width:300px\">描述</div>",
                _random.Next(3) == 0 ? "<div style=\"width:200px\"></div>示例值</div>" : "<div style=\"width:200px\">示例值</div>",
            };
        }

        private string[] DtoHeader() => _en
            ? new[] { "Name", "Type", "<div style=\" width:80px\">Is it required?</div>", "<div style=\"width:300px\" >Description</div>", "<div style=\"width:200px\">Example value</div>" }
            : new[] { "名称", "类型", "<div style=\"width:80px\">是否必填</div>", "<div style=\"width:300px\">描述</div>", "<div style=\"width:200px\">示例值</div>" };

        private List<Field> RequestFields()
        {
            var id = Camel(_resource.En) + "Id";
            var fields = new List<Field>();
            switch (_verb)
            {
                case "get":
                case "check":
                    fields.Add(new Field(id, "string", true, Text($"{Pascal(_resource.En)} ID.", $"{_resource.Zh} ID。"), $"`{Prefix()}_5f8d2c1a9e`"));
                    if (_random.Next(2) == 0)
                    {
                        fields.Add(new Field("withOwner", "boolean", false, Text("Whether to include the owner.", "是否返回所有者信息。"), "`true`", "false"));
                    }

                    if (_random.Next(3) == 0)
                    {
                        fields.Add(EnumParameter("lang", EnumPools[2], Text("Language of the returned texts", "返回文本的语言")));
                    }

                    break;
                case "list":
                case "search":
                    if (_verb == "search")
                    {
                        fields.Add(new Field("query", "string", true, Text("Search keywords; matched against names and descriptions.", "搜索关键字，匹配名称和描述。"), "`demo`"));
                        if (_random.Next(4) == 0)
                        {
                            fields.Add(new Field("filter", "string", false, Text("An LDAP-style filter.", "LDAP 风格的过滤条件。"), "`(|(name=a)(name=b))`"));
                        }
                    }

                    fields.Add(new Field("page", "number", false, Text("Page number, starting from 1.", "当前页数，从 1 开始。 示例值： `1` "), "`1`", "1"));
                    fields.Add(new Field("limit", "number", false, Text("Page size, at most 50.", "每页数目，最大不能超过 50，默认为 10。"), "`10`", "10"));
                    fields.Add(EnumParameter("status", EnumPools[_random.Next(2)], Text("Filter by status", "按状态筛选")));
                    if (!_en && _random.Next(2) == 0)
                    {
                        fields.Add(new Field("sortOrder", "string", false, "按创建时间排序的方向。枚举值：`Asc`,`Desc` ", "`Desc`", "Desc"));
                    }

                    if (_random.Next(2) == 0)
                    {
                        fields.Add(new Field("keywords", "string", false, Text("Fuzzy search keywords.", "模糊搜索关键字。"), "`轮播`"));
                    }

                    break;
                case "count":
                    fields.Add(new Field("since", "number", false, Text("Only count items created after this millisecond timestamp.", "只统计该毫秒级时间戳之后创建的对象。"), "`1669876543210`"));
                    fields.Add(EnumParameter("status", EnumPools[0], Text("Filter by status", "按状态筛选")));
                    break;
                case "create":
                case "update":
                    if (_verb == "update")
                    {
                        fields.Add(new Field(id, "string", true, Text($"{Pascal(_resource.En)} ID.", $"{_resource.Zh} ID。"), $"`{Prefix()}_5f8d2c1a9e`"));
                    }

                    fields.Add(new Field("name", "string", _verb == "create", Text("Display name.", "显示名称。"), "`首页轮播`"));
                    fields.Add(new Field("description", "string", false, Text("A longer description.", "详细描述。"), "`用于首页的部件`"));
                    fields.Add(EnumParameter("status", EnumPools[_random.Next(EnumPools.Length)], Text("Initial status", "初始状态")));
                    fields.Add(new Field("labels", "string[]", false, Text("Labels.", "标签列表。"), "`[\"web\",\"app\"]`"));
                    if (_random.Next(2) == 0)
                    {
                        fields.Add(new Field("priority", "number", false, Text("Priority; larger runs first.", "优先级，越大越先执行。"), "`10`", _random.Next(2) == 0 ? "10" : "-"));
                    }

                    var options = MethodPascal + "OptionsDto";
                    fields.Add(new Field("options", string.Empty, false, Text("Options.", "选项。") + Nested(options), string.Empty, _random.Next(6) == 0 ? "[object Object]" : "-"));
                    AddDto(options, NestedFields(options, 2 + _random.Next(6), allowChildren: true));
                    if (_random.Next(3) == 0)
                    {
                        fields.Add(new Field("config", "object", false, Text("Free-form configuration.", "自由格式的配置。"), "`{\"a\":1}`"));
                    }

                    if (_random.Next(3) == 0)
                    {
                        var component = MethodPascal + "ComponentDto";
                        fields.Add(new Field("components", $"<a href=\"#{component}\">{component}[]</a>", false, Text("Components.", "组件列表。"), string.Empty));
                        AddDto(component, NestedFields(component, 2 + _random.Next(4), allowChildren: false));
                    }

                    break;
                case "export":
                case "bind":
                    fields.Add(new Field(id + "s", "string[]", true, Text("IDs.", $"{_resource.Zh} ID 列表。"), "`[\"w_01\",\"w_02\"]`"));
                    fields.Add(EnumParameter("format", new[] { "csv", "xlsx" }, Text("File format", "文件格式")));
                    fields.Add(new Field("emailTo", "string", false, Text("Send the result to this address:<br>- when the task finishes<br>- and when it fails<br>", "结果发送到该邮箱：<br>- 任务完成时发送<br>- 任务失败时也发送<br>"), "`ops@example.com`"));
                    break;
                default:
                    fields.Add(new Field(id, "string", true, Text($"{Pascal(_resource.En)} ID.", $"{_resource.Zh} ID。"), $"`{Prefix()}_5f8d2c1a9e`"));
                    fields.Add(new Field("force", "boolean", false, Text("Skip the safety checks.", "跳过安全检查。"), "`false`", "false"));
                    if (_random.Next(2) == 0)
                    {
                        fields.Add(new Field("reason", "string", false, Text("Why; kept in the audit log.", "原因，记录在审计日志中。"), "`cleanup`"));
                    }

                    break;
            }

            return fields;
        }

        /// <summary>A string parameter that is an enum, in one of the notations of FORMAT.md §8.</summary>
        private Field EnumParameter(string name, string[] values, string what)
        {
            var notation = _random.Next(_en ? 4 : 6);
            return notation switch
            {
                4 => new Field(name, "string", false, what + "。", "可选枚举值：" + string.Join(",", values.Select(v => $"`{v}`"))),
                5 => new Field(name, "string", false, what + "。枚举值：" + string.Join(",", values.Select(v => $"`{v}`")), $"`{values[0]}`"),
                _ => new Field(name, "string", false, EnumDescription(what, values, notation), values[0]),
            };
        }

        private string EnumDescription(string what, string[] values, int notation)
        {
            var text = new StringBuilder(what).Append(_en ? ":" : "：").Append("<br>");
            for (var i = 0; i < values.Length; i++)
            {
                var meaning = Text($"meaning {i + 1}", $"含义 {i + 1}");
                text.Append(notation switch
                {
                    1 => $"  - `{values[i]}`: {meaning}<br>",
                    2 => Bare(values[i]) ? $"- {values[i]}: {meaning}<br>" : $"- `{values[i]}`: {meaning}<br>",
                    3 => $"- `{values[i]}`: {meaning}<br><br>",
                    _ => $"- `{values[i]}`: {meaning}<br>",
                });
            }

            return text.ToString();
        }

        private static bool Bare(string value) => value.All(char.IsLetterOrDigit);

        private string Prefix() => _resource.En.Substring(0, 1);

        private static bool IsObjectType(string type) => type.Length == 0 || type == "object" || type.StartsWith("<a", StringComparison.Ordinal);

        private string Text(string en, string zh) => _en ? en : zh;

        private string Nested(string dto) => _en
            ? $" {Pick("Nested type:", "Nesting type:")} <a href=\"#{dto}\">{dto}</a>."
            : $"嵌套类型：<a href=\"#{dto}\">{dto}</a>。";

        private string Pick(params string[] choices) => choices[_random.Next(choices.Length)];

        private enum Sample
        {
            None,
            LiveTypeScript,
            CommentedTypeScript,
            CSharp,
            Python,
        }

        private Sample SampleStyle()
        {
            if (_en)
            {
                return _random.Next(4) switch { 0 => Sample.CSharp, 1 => Sample.Python, 2 => Sample.LiveTypeScript, _ => Sample.None };
            }

            return _random.Next(10) switch { < 4 => Sample.LiveTypeScript, < 8 => Sample.CommentedTypeScript, _ => Sample.None };
        }

        /// <summary>The method-name section's code, cased as the page's SDK language, or null (missing on most Chinese pages).</summary>
        private string? NameSection(Sample sample)
        {
            var present = _en ? _random.Next(10) < 8 || sample == Sample.CSharp : _random.Next(10) < 3 || sample == Sample.None;
            if (!present && sample != Sample.CSharp)
            {
                return null;
            }

            // The seed's contradiction: authentication pages whose section says ManagementClient (ADG003).
            var client = _authentication && _random.Next(10) != 0 ? "AuthenticationClient" : "ManagementClient";
            return sample switch
            {
                Sample.CSharp => $"{client}.{MethodPascal}",
                Sample.Python => (client == "ManagementClient" ? "management_client." : "authentication_client.") + Snake(_methodKebab),
                _ => $"{client}.{MethodCamel}",
            };
        }

        private void AppendSample(StringBuilder text, Sample sample, List<Field> request)
        {
            var variable = _authentication ? "authenticationClient" : "managementClient";
            var clientClass = _authentication ? "AuthenticationClient" : "ManagementClient";
            var args = string.Join(",\n", request.Take(4).Select(f => $"    {f.Name}: {(f.Type == "number" ? "1" : f.Type == "boolean" ? "true" : "'" + f.Name + "'")}"));
            switch (sample)
            {
                case Sample.LiveTypeScript:
                case Sample.CommentedTypeScript:
                    var commented = sample == Sample.CommentedTypeScript;
                    if (commented)
                    {
                        // Commented-out samples instantiate ManagementClient even on authentication pages (FORMAT.md §2).
                        variable = "managementClient";
                        clientClass = "ManagementClient";
                        text.Append("<!-- 暂时不显示示例代码 -->\n\n<!--\n");
                    }

                    text.Append(_en ? "## Sample Code" : "## 示例代码").Append("\n\n```ts\n")
                        .Append($"import {{ {clientClass}, Models }} from 'authing-node-sdk';\n\n")
                        .Append(_en ? $"// Initialise {clientClass}\n" : $"// 初始化 {clientClass}\n")
                        .Append($"const {variable} = new {clientClass}({{\n")
                        .Append(_authentication && !commented
                            ? "  appId: 'AUTHING_APP_ID',\n  appSecret: 'AUTHING_APP_SECRET',\n  appHost: 'https://xxx.authing.cn',\n"
                            : "  // 需要替换成你的 Access Key ID\n  accessKeyId: 'AUTHING_ACCESS_KEY_ID',\n  // 需要替换成你的 Access Key Secret\n  accessKeySecret: 'AUTHING_ACCESS_KEY_SECRET',\n")
                        .Append("});\n\n(async () => {\n\n")
                        .Append($"  const result = await {variable}.{MethodCamel}({{\n{args}\n  }});\n\n\n")
                        .Append("  console.log(JSON.stringify(result, null, 2));\n})();\n\n```\n");
                    text.Append(commented ? "-->\n\n" : "\n");
                    break;
                case Sample.CSharp:
                    text.Append("## Sample Code\n\n```csharp\nusing Authing.CSharp.SDK.Services;\n\n")
                        .Append($"var {variable} = new {clientClass}(options);\n")
                        .Append($"var result = await {variable}.{MethodPascal}(new {MethodPascal}Dto());\n")
                        .Append("Console.WriteLine(result.StatusCode);\n```\n\n");
                    break;
                case Sample.Python:
                    var python = _authentication ? "authentication_client" : "management_client";
                    text.Append(Pick("## Sample Code", "## Sample code", "## Example code")).Append("\n\n```python\n")
                        .Append($"from authing import {clientClass}\n\n{python} = {clientClass}(\n    access_key_id=\"AUTHING_ACCESS_KEY_ID\",\n    access_key_secret=\"AUTHING_ACCESS_KEY_SECRET\",\n)\n\n")
                        .Append($"data = {python}.{Snake(_methodKebab)}(\n")
                        .Append(string.Concat(request.Take(3).Select(f => $"    {Snake(f.Name)}=None,\n")))
                        .Append(")\nprint(data)\n```\n\n");
                    break;
            }
        }

        /// <summary>The response section: type line, envelope table, example JSON.</summary>
        private void AppendResponse(StringBuilder text)
        {
            string responseType;
            var rows = new List<Field>();
            var envelope = !(_verb == "check" && _random.Next(3) == 0);
            Field? data = null;
            object? exampleData = null;
            switch (_verb)
            {
                case "list":
                case "search":
                    responseType = Entity + "PaginatedRespDto";
                    var paging = Entity + "PaginatedDataDto";
                    data = new Field("data", $"<a href=\"#{paging}\">{paging}</a>", false, Text("Response data", "响应数据"), string.Empty);
                    AddDto(paging, new List<Field>
                    {
                        new("list", "array", true, Text("The page.", "分页数据。") + Nested(Entity + "Dto"), string.Empty),
                        new("totalCount", "number", true, Text("Total number of records.", "记录总数。"), "`20`"),
                    });
                    AddEntity();
                    exampleData = new Dictionary<string, object> { ["totalCount"] = 20, ["list"] = new[] { EntityExample() } };
                    break;
                case "get":
                case "create":
                case "update":
                    responseType = Entity + "SingleRespDto";
                    data = new Field("data", $"<a href=\"#{Entity}Dto\">{Entity}Dto</a>", false, Text("Response data", "响应数据"), string.Empty);
                    AddEntity();
                    exampleData = EntityExample();
                    break;
                case "count":
                    responseType = MethodPascal + "RespDto";
                    data = new Field("data", "number", false, Text("The count.", "数量。"), "`128`");
                    exampleData = 128;
                    break;
                case "export":
                case "bind":
                    responseType = MethodPascal + "RespDto";
                    var result = MethodPascal + "ResultDto";
                    data = new Field("data", $"<a href=\"#{result}\">{result}</a>", false, Text("Response data", "响应数据"), string.Empty);
                    AddDto(result, new List<Field>
                    {
                        new("taskId", "string", true, Text("Task ID.", "任务 ID。"), "`t_01`"),
                        new("status", "string", true, EnumDescription(Text("Task status", "任务状态"), EnumPools[6], 0), "PENDING"),
                        new("finishedAt", "number", false, Text("Finish time.", "完成时间。"), "`1700000000000`"),
                    });
                    exampleData = new Dictionary<string, object> { ["taskId"] = "t_01", ["status"] = "PENDING" };
                    break;
                case "check" when !envelope:
                    responseType = MethodPascal + "RespDto";
                    rows.Add(new Field("online", "boolean", false, Text("Whether it is online.", "是否在线。"), "`true`"));
                    rows.Add(new Field("lastSeenAt", "number", false, Text("Last seen, a millisecond timestamp.", "最后在线时间，毫秒级时间戳。"), "`1700000000000`"));
                    rows.Add(new Field("ip", "string", false, Text("Last IP address.", "最后的 IP 地址。"), "`127.0.0.1`"));
                    break;
                default:
                    responseType = "IsSuccessRespDto";
                    data = new Field("data", "<a href=\"#IsSuccessDto\">IsSuccessDto</a>", false, Text("Response data", "响应数据"), string.Empty);
                    AddDto("IsSuccessDto", new List<Field> { new("success", "boolean", true, Text("Whether the operation succeeded.", "操作是否成功。"), "`true`") });
                    exampleData = new Dictionary<string, object> { ["success"] = true };
                    break;
            }

            if (envelope)
            {
                rows.Add(new Field("statusCode", "number", false, Text("Business status code; 200 means success.", "业务状态码，可以通过此状态码判断操作是否成功，200 表示成功。"), string.Empty));
                rows.Add(new Field("message", "string", false, Text("Description.", "描述信息"), string.Empty));
                rows.Add(new Field("apiCode", "number", false, Text("Segmented error code, which can be used to get the specific error type.", "细分错误码，可通过此错误码得到具体的错误类型。"), string.Empty));
                rows.Add(new Field("requestId", "string", false, Text("Request ID. Returned when the request fails.", "请求 ID。当请求失败时会返回。"), string.Empty));
                if (data is not null)
                {
                    rows.Add(data);
                }
            }

            var heading = _en ? Pick("## Request Response", "## Request response", "### Request response") : (_random.Next(12) == 0 ? "### 请求响应" : "## 请求响应");
            text.Append(heading).Append("\n\n")
                .Append(_en ? Pick("Type: ", "Type： ") : "类型： ").Append('`').Append(responseType).Append("`\n\n");
            var headerCells = _en ? new[] { "Name", "Type", "Description" } : new[] { "名称", "类型", "描述" };
            text.Append(MarkdownTable.Render(headerCells, rows.Select(f => (IReadOnlyList<string>)new[] { f.Name, f.Type, f.Description }).ToList(), _layout == TableLayout.CompactWideDelimiter ? TableLayout.Compact : _layout, false)).Append('\n');

            text.Append(_en ? Pick("Sample result:", "Example results:", "Example Results：") : "示例结果：").Append("\n\n```json\n");
            var example = new Dictionary<string, object?>();
            if (envelope)
            {
                example["statusCode"] = 200;
                example["message"] = Text("Operation succeeded", "操作成功");
                example["requestId"] = "934108e5-9fbf-4d24-8da1-c330328abd6c";
                if (exampleData is not null)
                {
                    example["data"] = exampleData;
                }
            }
            else
            {
                example["online"] = true;
                example["lastSeenAt"] = 1700000000000L;
            }

            text.Append(System.Text.Json.JsonSerializer.Serialize(example, ExampleJson.Options)).Append("\n```\n\n");
        }

        /// <summary>The data-structure section; now and then with a type defined twice (identical copies).</summary>
        private void AppendDataStructures(StringBuilder text)
        {
            if (_dtos.Count == 0 && _random.Next(2) == 0)
            {
                return;
            }

            text.Append(_en ? Pick("## Data Structure", "## Data structure") : "## 数据结构").Append("\n\n");
            var dtos = _dtos.ToList();
            if (dtos.Count > 1 && _random.Next(40) == 0)
            {
                dtos.Add(dtos[^1]);
            }

            foreach (var dto in dtos)
            {
                text.Append("\n### <a id=\"").Append(dto.Name).Append("\"></a> ").Append(dto.Name).Append("\n\n");
                var rows = dto.Fields.Select(f => (IReadOnlyList<string>)new[] { f.Name, f.Type, Required(f.Required), _en ? f.Description : f.Description + "   ", _en ? f.Example : "  " + f.Example }).ToList();
                text.Append(MarkdownTable.Render(DtoHeader(), rows, _layout, false)).Append('\n');
            }
        }

        private void AddDto(string name, List<Field> fields)
        {
            if (_dtoNames.Add(name))
            {
                _dtos.Add(new Dto(name, fields));
            }
        }

        /// <summary>
        /// The entity type (<c>WidgetDto</c>, <c>WidgetConfigDto</c>, …) and its nested types. Its fields come from a random
        /// source seeded by the type name, so every page that uses it defines it identically (one shared type); about one
        /// page in 25 carries an older definition with an extra field (a same-named type that differs: ADG014).
        /// </summary>
        private void AddEntity()
        {
            var name = Entity + "Dto";
            if (_dtoNames.Contains(name))
            {
                return;
            }

            var random = new Random(unchecked(_seed + StableHash(name)));
            var id = Camel(_resource.En) + "Id";
            var fields = new List<Field>
            {
                new(id, "string", true, Text($"{Pascal(_resource.En)} ID", $"{_resource.Zh} ID"), $"`{Prefix()}_5f8d2c1a9e`"),
                new("name", "string", true, Text("Name", "名称"), "`首页轮播`"),
                new("description", "string", false, Text("Description", "描述"), "`用于首页`"),
                new("status", "string", true, EnumDescription(Text("Status", "状态"), EnumPools[random.Next(3)], _random.Next(4)), "ACTIVE"),
                new("createdAt", "number", true, Text("Creation time, a millisecond timestamp", "创建时间，毫秒级时间戳"), "`1669876543210`"),
                new("updatedAt", "number", false, Text("Update time, a millisecond timestamp", "更新时间，毫秒级时间戳"), "`1700000123456`"),
            };

            var extras = new List<Field>
            {
                new("priority", "number", false, Text("Priority", "优先级"), "`10`"),
                new("ratio", "number", false, Text("Usage ratio between 0 and 1", "使用率，0 到 1 之间"), "`0.75`"),
                new("enabled", "boolean", false, Text("Whether it is enabled", "是否启用"), "`true`"),
                new("labels", "string[]", false, Text("Labels", "标签"), "`[\"web\"]`"),
                new("locale", "string", false, EnumDescription(Text("Locale", "语言"), EnumPools[2], 3), "zh-CN"),
                new("metadata", "object", false, Text("Free-form metadata", "自由格式的元数据"), "`{\"a\":1}`"),
                new("extra", "array", false, Text("Extra values", "附加数据"), "`[1,2]`"),
                new("url", "string", false, Text("Console URL", "控制台链接"), "`https://console.example.com/w/1`"),
                new("ownerEmail", "String", false, Text("Owner e-mail", "所有者邮箱"), "`ming.wang@example.com`"),
                new("verified", "bool", false, Text("Whether it is verified", "是否已验证"), "`false`"),
                new("quota", "number", false, Text("Quota", "配额"), "`100`"),
                new("region", "string", false, EnumDescription(Text("Region", "区域"), new[] { "cn-north", "cn-east", "ap-southeast" }, 0), "cn-north"),
            };
            var extraCount = random.Next(2, extras.Count + 1);
            fields.AddRange(extras.OrderBy(_ => random.Next()).Take(extraCount));

            var nested = new List<(string Name, List<Field> Fields)>();
            if (random.Next(10) < 7)
            {
                var owner = Entity + "OwnerDto";
                fields.Add(new Field("owner", string.Empty, false, Text("Owner.", "所有者。") + Nested(owner), string.Empty));
                var ownerFields = new List<Field>
                {
                    new("userId", "string", true, Text("Owner user ID", "所有者用户 ID"), "`u_62a9c0`"),
                    new("displayName", "string", false, Text("Display name", "显示名称"), "`王小明`"),
                    new("email", "string", false, Text("E-mail", "邮箱"), "`ming.wang@example.com`"),
                };
                if (random.Next(2) == 0)
                {
                    var profile = Entity + "OwnerProfileDto";
                    ownerFields.Add(new Field("profile", $"<a href=\"#{profile}\">{profile}</a>", false, Text("Profile", "个人资料"), string.Empty));
                    nested.Add((owner, ownerFields));
                    nested.Add((profile, new List<Field>
                    {
                        new("avatar", "string", false, Text("Avatar URL", "头像链接"), "`https://files.example.com/a.png`"),
                        new("phone", "string", false, Text("Phone number", "手机号"), "`188xxxx8888`"),
                        new("gender", "string", false, EnumDescription(Text("Gender", "性别"), new[] { "M", "F", "U" }, 2), "M"),
                    }));
                }
                else
                {
                    nested.Add((owner, ownerFields));
                }
            }

            if (random.Next(2) == 0)
            {
                fields.Add(new Field("tags", "<a href=\"#TagDto\">TagDto[]</a>", false, Text("Tags", "标签"), string.Empty));
                nested.Add(("TagDto", new List<Field>
                {
                    new("key", "string", true, Text("Tag key", "标签键"), "`channel`"),
                    new("value", "string", true, Text("Tag value", "标签值"), "`web`"),
                }));
            }

            if (random.Next(10) < 4)
            {
                var item = Entity + "ItemDto";
                fields.Add(new Field("items", "array", false, Text("Items.", "子项。") + Nested(item), string.Empty));
                nested.Add((item, NestedFields(item, 3 + random.Next(6), allowChildren: false, random)));
            }

            if (_random.Next(25) == 0)
            {
                fields.Add(new Field("legacyCode", "string", false, Text("Legacy code (older definition)", "旧版编码（旧定义）"), "`L01`"));
            }

            AddDto(name, fields);
            foreach (var (dtoName, dtoFields) in nested)
            {
                AddDto(dtoName, dtoFields);
            }
        }

        private Dictionary<string, object> EntityExample() => new()
        {
            [Camel(_resource.En) + "Id"] = Prefix() + "_5f8d2c1a9e",
            ["name"] = Text("Home carousel", "首页轮播"),
            ["status"] = "ACTIVE",
            ["createdAt"] = 1669876543210L,
            ["owner"] = new Dictionary<string, object> { ["userId"] = "u_62a9c0", ["displayName"] = "王小明" },
        };

        private List<Field> NestedFields(string owner, int count, bool allowChildren, Random? random = null)
        {
            random ??= _random;
            var pool = new List<Field>
            {
                new("enabled", "boolean", false, Text("Whether it is enabled", "是否启用"), "`true`"),
                new("timeout", "number", false, Text("Timeout in milliseconds", "超时时间，毫秒"), "`3000`"),
                new("weight", "number", false, Text("Weight", "权重"), "`0.5`"),
                new("title", "string", false, Text("Title", "标题"), "`欢迎`"),
                new("color", "string", false, Text("Colour", "颜色"), "`#ff0000`"),
                new("mode", "string", false, EnumDescription(Text("Mode", "模式"), EnumPools[8], random.Next(4)), "read"),
                new("channels", "string[]", false, Text("Channels", "渠道"), "`[\"sms\"]`"),
                new("settings", "object", false, Text("Settings", "设置"), "`{}`"),
                new("retries", "number", false, Text("Retries", "重试次数"), "`3`"),
                new("callbackUrl", "string", false, Text("Callback URL", "回调地址"), "`https://example.com/cb`"),
            };
            var fields = pool.OrderBy(_ => random.Next()).Take(Math.Min(count, pool.Count)).ToList();
            fields[0] = fields[0] with { Required = true };
            if (allowChildren && random.Next(2) == 0)
            {
                var child = owner.Replace("Dto", string.Empty, StringComparison.Ordinal) + "RuleDto";
                fields.Add(new Field("rules", "array", false, Text("Rules.", "规则列表。") + Nested(child), string.Empty));
                AddDto(child, new List<Field>
                {
                    new("field", "string", true, Text("Field", "字段"), "`name`"),
                    new("operator", "string", true, EnumDescription(Text("Operator", "操作符"), new[] { "eq", "ne", "contains" }, 0), "eq"),
                    new("value", "string", false, Text("Value", "值"), "`demo`"),
                });
            }

            return fields;
        }
    }

    private static class ExampleJson
    {
        public static readonly System.Text.Json.JsonSerializerOptions Options = new()
        {
            WriteIndented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
    }

    internal static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}

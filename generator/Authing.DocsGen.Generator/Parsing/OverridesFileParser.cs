using System;
using System.Collections.Generic;
using System.Linq;
using Authing.DocsGen.Diagnostics;
using Authing.DocsGen.Model;
using Authing.DocsGen.Text;

namespace Authing.DocsGen.Parsing;

/// <summary>
/// Reads <c>docsgen.json</c>:
/// <code>
/// {
///   "methods": {
///     "management/gadgets/search-gadgets.md": { "verb": "POST" },
///     "ManagementClient.listWidgets": { "route": "/api/v3/widgets", "fields": { "createdAt": "int64" } },
///     "getServerTime": { "client": "authentication", "skip": false }
///   }
/// }
/// </code>
/// Comments and trailing commas are allowed. Whatever is wrong is ADG027 at the place in the file, and that entry or
/// value is ignored; the file never stops a build.
/// </summary>
public static class OverridesFileParser
{
    private static readonly string[] s_fieldTypes = { "string", "int64", "double", "boolean", "json" };

    /// <param name="path">The file's path, as diagnostics show it.</param>
    /// <param name="root">The docs root the file's path keys are relative to ('/' separators; empty for relative page paths).</param>
    public static OverridesFile Parse(string path, string root, string text)
    {
        var lines = new LineMap(path, text);
        var diagnostics = new List<DiagnosticInfo>();
        var methods = new List<MethodOverride>();
        void Report(LenientJsonValue? at, string problem) =>
            diagnostics.Add(DiagnosticFactory.Create(DiagnosticDescriptors.OverridesFileProblem, at is null ? lines.Locate(0, 0) : lines.Locate(at.Start, at.End), problem));

        var document = LenientJson.TryParse(text, out var stoppedAt);
        if (document is null)
        {
            diagnostics.Add(DiagnosticFactory.Create(DiagnosticDescriptors.OverridesFileProblem, lines.Locate(stoppedAt, Math.Min(text.Length, stoppedAt + 1)), "the file is not valid JSON here; it is ignored"));
        }
        else if (document.Kind != JsonKind.Object)
        {
            Report(document, "the file must hold a JSON object; it is ignored");
        }
        else
        {
            foreach (var property in document.Properties)
            {
                if (property.Key is "methods")
                {
                    ReadMethods(property.Value, methods, lines, Report);
                }
                else if (property.Key is not "$schema")
                {
                    Report(property.Value, "unknown setting '" + property.Key + "' (expected \"methods\")");
                }
            }
        }

        return new OverridesFile(path.Replace('\\', '/'), root.Replace('\\', '/'), methods.ToEquatableArray(), diagnostics.ToEquatableArray());
    }

    private static void ReadMethods(LenientJsonValue methods, List<MethodOverride> result, LineMap lines, Action<LenientJsonValue?, string> report)
    {
        if (methods.Kind != JsonKind.Object)
        {
            report(methods, "\"methods\" must be an object keyed by docs path or method name");
            return;
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in methods.Properties)
        {
            var key = entry.Key.Trim();
            if (!keys.Add(key))
            {
                report(entry.Value, "'" + key + "' is listed twice; the first entry is used");
                continue;
            }

            if (entry.Value.Kind != JsonKind.Object)
            {
                report(entry.Value, "the entry for '" + key + "' must be an object");
                continue;
            }

            string? methodName = null;
            ClientKind? keyClient = null;
            if (!key.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
            {
                var dot = key.LastIndexOf('.');
                if (dot > 0)
                {
                    keyClient = SampleCode.ClientFromVariable(key.Substring(0, dot));
                    if (keyClient is null)
                    {
                        report(entry.Value, "'" + key + "': '" + key.Substring(0, dot) + "' is not a client (expected ManagementClient or AuthenticationClient)");
                        continue;
                    }
                }

                methodName = Naming.ToPascalCase(key.Substring(dot + 1));
                if (methodName.Length == 0)
                {
                    report(entry.Value, "'" + key + "' is neither a docs path ending in .md nor a method name");
                    continue;
                }
            }

            result.Add(ReadEntry(key, methodName, keyClient, entry.Value, lines, report));
        }
    }

    private static MethodOverride ReadEntry(string key, string? methodName, ClientKind? keyClient, LenientJsonValue entry, LineMap lines, Action<LenientJsonValue?, string> report)
    {
        HttpVerb? verb = null;
        string? route = null;
        ClientKind? client = null;
        var skip = false;
        var fields = new List<FieldTypeOverride>();
        foreach (var setting in entry.Properties)
        {
            var value = setting.Value;
            switch (setting.Key)
            {
                case "verb":
                    verb = VerbRules.Parse(value.Text);
                    if (value.Kind != JsonKind.String || verb is null)
                    {
                        report(value, "verb '" + value.Text + "' is not valid (expected GET, POST, PUT or DELETE); it is ignored");
                        verb = null;
                    }

                    break;
                case "route":
                    if (value.Kind == JsonKind.String && RouteRules.IsUsableOverride(value.Text.Trim()))
                    {
                        route = value.Text.Trim();
                    }
                    else
                    {
                        report(value, "route '" + value.Text + "' is not valid (" + RouteRules.OverrideRequirement + "); it is ignored");
                    }

                    break;
                case "client":
                    client = value.Kind == JsonKind.String ? SampleCode.ClientFromVariable(value.Text) : null;
                    if (client is null)
                    {
                        report(value, "client '" + value.Text + "' is not valid (expected authentication or management); it is ignored");
                    }

                    break;
                case "skip":
                    if (value.Kind == JsonKind.Boolean)
                    {
                        skip = value.Text == "true";
                    }
                    else
                    {
                        report(value, "skip must be true or false; it is ignored");
                    }

                    break;
                case "fields":
                    ReadFields(value, fields, lines, report);
                    break;
                default:
                    report(value, "unknown setting '" + setting.Key + "' (expected verb, route, client, skip or fields)");
                    break;
            }
        }

        return new MethodOverride(key, methodName, keyClient, verb, route, client, skip, fields.ToEquatableArray(), lines.Locate(entry.Start, entry.End));
    }

    private static void ReadFields(LenientJsonValue fields, List<FieldTypeOverride> result, LineMap lines, Action<LenientJsonValue?, string> report)
    {
        if (fields.Kind != JsonKind.Object)
        {
            report(fields, "\"fields\" must be an object of wire name → type");
            return;
        }

        foreach (var field in fields.Properties)
        {
            var type = field.Value.Text.Trim();
            var element = type.EndsWith("[]", StringComparison.Ordinal) ? type.Substring(0, type.Length - 2) : type;
            if (field.Value.Kind != JsonKind.String || element.Length == 0 || (!s_fieldTypes.Contains(element) && Naming.Words(element).Count == 0))
            {
                report(field.Value, "type '" + type + "' of field '" + field.Key + "' is not valid (expected " + string.Join(", ", s_fieldTypes) + ", a data structure of the page, or one of those with []); it is ignored");
                continue;
            }

            result.Add(new FieldTypeOverride(field.Key, type, lines.Locate(field.Value.Start, field.Value.End)));
        }
    }

}

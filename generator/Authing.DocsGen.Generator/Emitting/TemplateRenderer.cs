using System;
using System.Collections.Concurrent;
using System.IO;
using Scriban;
using Scriban.Runtime;

namespace Authing.DocsGen.Emitting;

/// <summary>Renders the embedded <c>Templates/*.scriban</c> files, each parsed once per process. Views are passed as data, so docs text is never evaluated as template code.</summary>
internal static class TemplateRenderer
{
    private static readonly ConcurrentDictionary<string, Template> s_templates = new(StringComparer.Ordinal);

    // Scriban's built-in functions, created once: a context made without them copies the whole set on every render.
    // Templates never assign to them.
    private static readonly ScriptObject s_builtins = TemplateContext.GetDefaultBuiltinObject();

    public static string Render(string templateName, Views.FileView view)
    {
        var template = s_templates.GetOrAdd(templateName, Load);
        var context = new TemplateContext(s_builtins)
        {
            StrictVariables = true,
            LoopLimit = int.MaxValue,
            // Scriban cuts what it renders at 1 MiB by default and ends it in "...": the parser's limits allow models
            // far larger (1,000 rows of 128-character names), and a cut file does not compile. ParserLimits bound the
            // output; should a Scriban limit ever apply, it throws (ADG030 names the type) instead of truncating.
            LimitToString = 0,
            OutputLimit = 0,
            OnStringLimit = ScriptLimitBehavior.Throw,
            OnOutputLimit = ScriptLimitBehavior.Throw,
            MemberRenamer = member => member.Name,
        };
        context.PushGlobal(ViewBinder.Bind(view));
        return template.Render(context).Replace("\r\n", "\n");
    }

    private static Template Load(string templateName)
    {
        var resource = "Authing.DocsGen.Templates." + templateName + ".scriban";
        using var stream = typeof(TemplateRenderer).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException("Missing embedded template " + resource);
        using var reader = new StreamReader(stream);
        var template = Template.Parse(reader.ReadToEnd(), resource);
        if (template.HasErrors)
        {
            throw new InvalidOperationException("Template " + resource + ": " + string.Join("; ", template.Messages));
        }

        return template;
    }
}

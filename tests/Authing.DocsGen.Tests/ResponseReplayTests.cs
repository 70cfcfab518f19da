using System.Reflection;
using System.Text;
using System.Text.Json;
using Authing.DocsGen.Tests.Infrastructure;
using Authing.Sdk;
using Xunit.Abstractions;

namespace Authing.DocsGen.Tests;

/// <summary>
/// Issue 10 §2: every fixture page's own response example, replayed through the generated client over a loopback HTTP
/// server, decodes without an exception — the docs' examples contradict their own tables (a list shown as an object, a
/// boolean as <c>" false"</c>, an array as a JSON string), and a docs mistake must not break a call. The test output has
/// a table, per page, of every value that did not fit (JSON path, documented kind, kind found, and whether it was
/// converted) and of what <c>StrictResponses</c> would have thrown. Examples that are not valid JSON (some pages break
/// theirs on purpose) are listed as skipped and are not counted: no client could decode them.
/// </summary>
public sealed class ResponseReplayTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Every_fixture_pages_response_example_decodes_through_the_generated_client()
    {
        var table = new StringBuilder();
        table.AppendLine("| page | method | outcome | JSON path | documented | found | converted | strict |");
        table.AppendLine("|---|---|---|---|---|---|---|---|");
        var failures = new List<string>();
        int replayed = 0, skipped = 0, withMismatches = 0;
        var byPage = new Dictionary<string, IReadOnlyList<MismatchLogger.Mismatch>>(StringComparer.Ordinal);

        await using var server = new ReplayServer();
        foreach (var set in FixtureSdk.Sets)
        {
            var sdk = FixtureSdk.Load(set);
            Assert.True(sdk.Assembly.Assembly is not null, sdk.Assembly.DescribeProblems());
            foreach (var resolved in sdk.Api.Methods.OrderBy(m => m.PagePath, StringComparer.Ordinal))
            {
                var method = resolved.Method;
                var page = sdk.Pages.Single(p => p.Path == resolved.PagePath);
                var label = $"| {page.Path} | {method.Client}.{method.Name} |";
                var example = FixtureSdk.ResponseExample(page.Text);
                if (example is null)
                {
                    skipped++;
                    table.AppendLine($"{label} skipped: the page has no response example | | | | | |");
                    continue;
                }

                if (!IsJson(example, out var why))
                {
                    skipped++;
                    table.AppendLine($"{label} skipped: the example is not valid JSON ({why}) | | | | | |");
                    continue;
                }

                server.Body = example;
                var logger = new MismatchLogger();
                replayed++;
                try
                {
                    var result = await sdk.CallAsync(sdk.CreateClient(method.Client, server.BaseAddress, logger, strict: false), method);
                    Assert.NotNull(result);
                }
                catch (Exception ex)
                {
                    var error = ex is TargetInvocationException { InnerException: { } inner } ? inner : ex;
                    failures.Add($"{page.Path}: {error.GetType().Name}: {error.Message}");
                    table.AppendLine($"{label} FAILED: {Cell(error.Message)} | | | | | |");
                    continue;
                }

                var strict = "decodes";
                try
                {
                    await sdk.CallAsync(sdk.CreateClient(method.Client, server.BaseAddress, null, strict: true), method);
                }
                catch (AuthingApiException ex) when (ex.Kind == AuthingErrorKind.InvalidResponse)
                {
                    strict = "throws";
                }

                var mismatches = logger.Mismatches.ToList();
                byPage[page.Path] = mismatches;
                if (mismatches.Count == 0)
                {
                    table.AppendLine($"{label} decoded, everything fits | | | | | {strict} |");
                    continue;
                }

                withMismatches++;
                foreach (var m in mismatches)
                {
                    table.AppendLine($"{label} decoded | `{Cell(m.Path)}` ({Cell(m.Member)}) | {m.Expected} | {m.Found} | {(m.Converted ? "yes" : "no, kept raw")} | {strict} |");
                }
            }
        }

        output.WriteLine($"Replayed {replayed} response examples: {replayed - failures.Count} decoded ({withMismatches} with values that did not fit), {failures.Count} failed; {skipped} page(s) skipped (no example, or an example that is not valid JSON, which is not counted).");
        output.WriteLine("");
        output.WriteLine(table.ToString());

        Assert.True(failures.Count == 0, "Examples that did not decode:\n" + string.Join("\n", failures));
        Assert.True(replayed >= 40, $"only {replayed} examples were replayed");

        // The page written to contradict its own table: each contradiction is reported with its path, nothing throws.
        var invoice = byPage["pages/management/invoices/create-invoice.md"];
        Assert.Contains(invoice, m => m.Path == "$.data.orderIds" && m.Converted);
        Assert.Contains(invoice, m => m.Path == "$.data.lines" && m.Found == "an object" && !m.Converted);
        Assert.Contains(invoice, m => m.Path == "$.data.receiver" && m.Found == "a string" && !m.Converted);
    }

    [Fact]
    public async Task Values_that_did_not_fit_are_kept_raw_in_the_generated_dto()
    {
        var sdk = FixtureSdk.Load("pages");
        var resolved = sdk.Api.Methods.Single(m => m.PagePath == "pages/management/invoices/create-invoice.md");
        await using var server = new ReplayServer { Body = FixtureSdk.ResponseExample(sdk.Pages.Single(p => p.Path == resolved.PagePath).Text)! };

        var result = await sdk.CallAsync(sdk.CreateClient(resolved.Method.Client, server.BaseAddress, null, strict: false), resolved.Method);

        var data = Properties.GeneratedAssembly.Get(result, "Data")!;
        Assert.Equal(new[] { "ord_1001", "ord_1002" }, (IEnumerable<string>)Properties.GeneratedAssembly.Get(data, "OrderIds")!);
        Assert.Equal(1999.5, Properties.GeneratedAssembly.Get(data, "TotalAmount"));
        Assert.Null(Properties.GeneratedAssembly.Get(data, "Lines"));
        Assert.Null(Properties.GeneratedAssembly.Get(data, "Receiver"));
        var kept = (IReadOnlyDictionary<string, JsonElement>)Properties.GeneratedAssembly.Get(data, "AdditionalProperties")!;
        Assert.Equal(JsonValueKind.Object, kept["lines"].ValueKind);
        Assert.Equal("[object Object]", kept["receiver"].GetString());
        Assert.Equal("""["ord_1001","ord_1002"]""", kept["orderIds"].GetString());
    }

    [Fact]
    public void A_docs_field_named_additionalProperties_gets_another_csharp_name_and_its_own_wire_value()
    {
        var page = Fixture.WidgetPage.Replace(
            "| createdAt | number | 是 | 创建时间（毫秒）   |  `1700000000000` |",
            "| createdAt | number | 是 | 创建时间（毫秒）   |  `1700000000000` |\n| additionalProperties | string | 否 | 扩展   |  `x` |",
            StringComparison.Ordinal);
        Assert.NotEqual(Fixture.WidgetPage, page);
        var sdk = Properties.GeneratedAssembly.Build(new[] { new TestPage("management/widgets/get-widget.md", page) });
        Assert.True(sdk.Problems.Count == 0, sdk.DescribeProblems());
        Assert.Contains(sdk.GeneratorDiagnostics, d => d.Id == "ADG017" && d.GetMessage().Contains("AdditionalProperties2", StringComparison.Ordinal));

        var widget = sdk.Read("WidgetDto", """{"id":"w","createdAt":1,"additionalProperties":"v","other":[1]}""")!;

        Assert.Equal("v", Properties.GeneratedAssembly.Get(widget, "AdditionalProperties2"));
        var kept = (IReadOnlyDictionary<string, JsonElement>)Properties.GeneratedAssembly.Get(widget, "AdditionalProperties")!;
        Assert.Equal("other", Assert.Single(kept).Key);
    }

    private static bool IsJson(string text, out string why)
    {
        try
        {
            using var _ = JsonDocument.Parse(text);
            why = "";
            return true;
        }
        catch (JsonException ex)
        {
            why = $"line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}";
            return false;
        }
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}

using System.Text.RegularExpressions;
using Authing.DocsGen.Model;
using Authing.DocsGen.Parsing;
using Authing.DocsGen.Tests.Infrastructure;

namespace Authing.DocsGen.Tests;

/// <summary>
/// Every row of tests/fixtures/README.md states what its page must produce (client, method, verb, route, or a skip);
/// this test holds the parser to it, so the corpus's expectations are executable, not prose.
/// </summary>
public sealed partial class FixtureExpectationTests
{
    public static TheoryData<string, string> Rows()
    {
        var data = new TheoryData<string, string>();
        foreach (var line in File.ReadLines(Path.Combine(Paths.Fixtures, "README.md")))
        {
            var cells = Cells(line);
            if (cells.Count >= 2 && PathPattern().Match(cells[0]) is { Success: true } path)
            {
                data.Add(path.Groups["path"].Value, cells[^1]);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Page_produces_what_the_fixture_readme_says(string path, string expected)
    {
        var page = PageParser.Parse(path, File.ReadAllText(Path.Combine(Paths.Fixtures, path)), PageOverrides.None);
        if (expected.StartsWith("Skipped", StringComparison.Ordinal) || expected.StartsWith("Baseline: skipped", StringComparison.Ordinal))
        {
            Assert.Null(page.Method);
            Assert.Contains(page.Diagnostics, d => d.Id == "ADG001");
            return;
        }

        var method = Assert.IsType<MethodModel>(page.Method);
        var head = MethodPattern().Match(expected);
        Assert.True(head.Success, $"Unreadable expectation: {expected}");
        Assert.Equal(head.Groups["client"].Value == "A" ? ClientKind.Authentication : ClientKind.Management, method.Client);
        Assert.Equal(head.Groups["name"].Value, method.Name);

        var verb = VerbPattern().Match(expected);
        Assert.True(verb.Success, $"No verb in: {expected}");
        if (expected.Contains("**rule miss**", StringComparison.Ordinal))
        {
            Assert.NotEqual(verb.Value, method.Verb.ToString().ToUpperInvariant());
        }
        else
        {
            Assert.Equal(verb.Value, method.Verb.ToString().ToUpperInvariant());
        }

        var route = RoutePattern().Match(expected);
        Assert.True(route.Success, $"No route in: {expected}");
        Assert.Equal(route.Groups["route"].Value, method.Route);
        Assert.DoesNotContain(page.Diagnostics, d => d.Id == "ADG002");
    }

    /// <summary>
    /// The precision of the verb and route rules on the fixtures, as the README states it: every fixture method
    /// whose verb or route is inferred (no directive), and how many the rules get right.
    /// </summary>
    [Fact]
    public void Inferred_verbs_and_routes_match_the_precision_the_readme_states()
    {
        int verbs = 0, verbHits = 0, routes = 0, routeHits = 0;
        foreach (var row in Rows())
        {
            var (path, expected) = ((string)row[0], (string)row[1]);
            var page = PageParser.Parse(path, File.ReadAllText(Path.Combine(Paths.Fixtures, path)), PageOverrides.None);
            if (page.Method is not { } method)
            {
                continue;
            }

            if (method.VerbSource is not (FactSource.PageDirective or FactSource.ItemMetadata or FactSource.OverridesFile))
            {
                verbs++;
                verbHits += expected.Contains("**rule miss**", StringComparison.Ordinal) ? 0 : 1;
            }

            if (method.RouteSource == FactSource.FileName)
            {
                routes++;
                routeHits += RoutePattern().Match(expected).Groups["route"].Value == method.Route ? 1 : 0;
            }
        }

        var readme = File.ReadAllText(Path.Combine(Paths.Repository, "README.md"));
        Assert.Contains($"verbs right on {verbHits} of {verbs} fixture pages", readme, StringComparison.Ordinal);
        Assert.Contains($"routes right on {routeHits} of {routes} fixture pages", readme, StringComparison.Ordinal);
    }

    /// <summary>The cells of a Markdown table row; pipes inside backticks do not split.</summary>
    private static List<string> Cells(string line)
    {
        var cells = new List<string>();
        if (!line.StartsWith('|'))
        {
            return cells;
        }

        var current = new System.Text.StringBuilder();
        var inCode = false;
        foreach (var c in line.AsSpan(1))
        {
            if (c == '`')
            {
                inCode = !inCode;
            }

            if (c == '|' && !inCode)
            {
                cells.Add(current.ToString().Trim());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        return cells;
    }

    [GeneratedRegex(@"^`(?<path>pages/[^`]+\.md)`$")]
    private static partial Regex PathPattern();

    [GeneratedRegex(@"^(\*\*)?(?<client>[MA])(\*\*)?\s+(\*\*)?`(?<name>\w+)`")]
    private static partial Regex MethodPattern();

    [GeneratedRegex(@"\b(GET|POST|PUT|DELETE)\b")]
    private static partial Regex VerbPattern();

    [GeneratedRegex(@"`(?<route>/api/[^`]+)`")]
    private static partial Regex RoutePattern();
}

using System.Text.Json;

namespace Authing.DocsGen.Cli.Tests;

/// <summary>
/// <c>docsgen diff</c>: each class of change, made to the fixture page tests/fixtures/api-diff/before, is reported with
/// its class and breaking flag, and nothing else is.
/// </summary>
public sealed class ApiDiffTests
{
    internal const string PagePath = "management/widgets/get-widget.md";

    internal static string BasePage => File.ReadAllText(Path.Combine(Repo.Fixtures, "api-diff", "before", "management", "widgets", "get-widget.md"));

    public static TheoryData<string, string, string, string, bool> Classes => new()
    {
        // name, text to replace, replacement, expected "class kind member", breaking
        { "property removed", "| size | number | 否 | 大小 | `3` |\n", "", "removed property Authing.Sdk.Models.WidgetDto.Size", true },
        { "property renamed", "| name | string | 是 | 名称 |", "| title | string | 是 | 名称 |", "renamed property Authing.Sdk.Models.WidgetDto.Title", true },
        { "property type changed", "| size | number |", "| size | string |", "type changed property Authing.Sdk.Models.WidgetDto.Size", true },
        { "optional to required", "| withTags | boolean | 否 |", "| withTags | boolean | 是 |", "optional → required property Authing.Sdk.Models.GetWidgetDto.WithTags", true },
        { "required to optional", "| widgetId | string | 是 | - |", "| widgetId | string | 否 | - |", "required → optional property Authing.Sdk.Models.GetWidgetDto.WidgetId", false },
        { "required property added", "| withTags | boolean |", "| ownerId | string | 是 | - | 所有者 | `u_1` |\n| withTags | boolean |", "added required property Authing.Sdk.Models.GetWidgetDto.OwnerId", true },
        { "optional property added", "| withTags | boolean |", "| ownerId | string | 否 | - | 所有者 | `u_1` |\n| withTags | boolean |", "added property Authing.Sdk.Models.GetWidgetDto.OwnerId", false },
        { "enum value added", "`ARCHIVED`: 已归档", "`ARCHIVED`: 已归档<br>- `DELETED`: 已删除", "added enum value Authing.Sdk.Models.WidgetStatus.Deleted", false },
        { "enum value removed", "<br>- `ARCHIVED`: 已归档", "", "removed enum value Authing.Sdk.Models.WidgetStatus.Archived", true },
        { "enum wire value changed", "`ARCHIVED`: 已归档", "`Archived`: 已归档", "value changed enum value Authing.Sdk.Models.WidgetStatus.Archived", true },
        { "verb changed", "## 方法名称", "<!-- authing-docsgen: verb=POST -->\n\n## 方法名称", "verb/route changed method Authing.Sdk.ManagementClient.GetWidgetAsync(GetWidgetDto, CancellationToken)", true },
        { "route changed", "## 方法名称", "<!-- authing-docsgen: route=/api/v3/widgets/get -->\n\n## 方法名称", "verb/route changed method Authing.Sdk.ManagementClient.GetWidgetAsync(GetWidgetDto, CancellationToken)", true },
        { "method renamed", "`ManagementClient.getWidget`", "`ManagementClient.getWidgetDetail`", "renamed method Authing.Sdk.ManagementClient.GetWidgetDetailAsync(GetWidgetDetailDto, CancellationToken)", true },
        { "client changed", "## 方法名称", "<!-- authing-docsgen: client=authentication -->\n\n## 方法名称", "client changed method Authing.Sdk.AuthenticationClient.GetWidgetAsync(GetWidgetDto, CancellationToken)", true },
    };

    [Theory]
    [MemberData(nameof(Classes))]
    public void Each_class_of_change_is_reported_and_classified(string name, string find, string replace, string expected, bool breaking)
    {
        Assert.Contains(find, BasePage, StringComparison.Ordinal);
        var changes = Diff(BasePage, BasePage.Replace(find, replace, StringComparison.Ordinal));

        var match = changes.Where(c => $"{c.Class} {c.Kind} {c.Member}" == expected).ToList();
        Assert.True(match.Count == 1, $"{name}: expected '{expected}' in:\n{string.Join("\n", changes)}");
        Assert.Equal(breaking, match[0].Breaking);
        if (!breaking)
        {
            Assert.DoesNotContain(changes, c => c.Breaking);
        }
    }

    [Fact]
    public void A_renamed_type_is_one_rename_with_its_converter_not_a_removal_and_an_addition()
    {
        var after = BasePage.Replace("WidgetDto", "GadgetDto", StringComparison.Ordinal);
        var changes = Diff(BasePage, after);

        Assert.Contains(changes, c => c is { Class: "renamed", Kind: "type", Member: "Authing.Sdk.Models.GadgetDto", Before: "Authing.Sdk.Models.WidgetDto" });
        Assert.Contains(changes, c => c is { Class: "renamed", Kind: "type", Member: "Authing.Sdk.Models.GadgetDtoJsonConverter" });
        Assert.Contains(changes, c => c is { Class: "type changed", Member: "Authing.Sdk.Models.WidgetRespDto.Data" });
        Assert.DoesNotContain(changes, c => c.Class is "removed" or "added" && c.Member.Contains("GadgetDto", StringComparison.Ordinal));
    }

    [Fact]
    public void A_removed_page_removes_its_method_and_types_and_an_added_page_adds_them()
    {
        var removed = DiffFolders(new() { [PagePath] = BasePage }, new());
        Assert.Contains(removed, c => c is { Class: "removed", Kind: "method", Breaking: true } && c.Member.Contains("GetWidgetAsync", StringComparison.Ordinal));
        Assert.Contains(removed, c => c is { Class: "removed", Kind: "type", Member: "Authing.Sdk.Models.WidgetDto" });
        // Members of a removed type are covered by the type's line.
        Assert.DoesNotContain(removed, c => c.Member.StartsWith("Authing.Sdk.Models.WidgetDto.", StringComparison.Ordinal));

        var added = DiffFolders(new(), new() { [PagePath] = BasePage });
        Assert.All(added, c => Assert.False(c.Breaking, c.ToString()));
        Assert.Contains(added, c => c is { Class: "added", Kind: "method" } && c.Member.Contains("GetWidgetAsync", StringComparison.Ordinal));
    }

    [Fact]
    public void Identical_folders_have_no_change_and_fail_on_breaking_exits_0()
    {
        var folder = Path.Combine(Repo.Fixtures, "api-diff", "before");
        var result = Docsgen.Run("diff", folder, folder, "--fail-on-breaking");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("no public API change.", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_committed_fixture_pair_gives_pull_request_markdown_and_fails_on_breaking()
    {
        var before = Path.Combine(Repo.Fixtures, "api-diff", "before");
        var after = Path.Combine(Repo.Fixtures, "api-diff", "after");
        var plain = Docsgen.Run("diff", before, after);
        var failing = Docsgen.Run("diff", before, after, "--fail-on-breaking");

        Assert.Equal(0, plain.ExitCode);
        Assert.Equal(1, failing.ExitCode);
        Assert.Equal(plain.Output, failing.Output);
        var lines = plain.Output.Split('\n');
        Assert.Equal("## SDK API changes", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("### Breaking (", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("### Non-breaking (", StringComparison.Ordinal));
        Assert.Contains("| optional → required | property | `Authing.Sdk.Models.GetWidgetDto.WithTags` | `bool? { get; init; }` | `required bool { get; init; }` |", lines);
        Assert.Contains("| added | method | `Authing.Sdk.AuthenticationClient.GetMyWidgetAsync(GetMyWidgetDto, CancellationToken)` | – | `virtual Task<MyWidgetRespDto> GetMyWidgetAsync(GetMyWidgetDto request, CancellationToken cancellationToken = default) \\| GET /api/v3/get-my-widget` |", lines);
        // Every table row has the header's five cells (pipes in values are escaped).
        Assert.All(lines.Where(l => l.StartsWith("| ", StringComparison.Ordinal)), l => Assert.Equal(6, l.Replace("\\|", string.Empty, StringComparison.Ordinal).Count(ch => ch == '|')));
    }

    [Theory]
    [InlineData(new[] { "diff", "only-one" }, "'diff' needs two docs folders")]
    [InlineData(new[] { "diff", "a", "b", "c" }, "'diff' takes two docs folders")]
    [InlineData(new[] { "diff", "a", "b", "--format", "xml" }, "--format must be markdown or json")]
    public void Bad_diff_arguments_exit_2_with_one_line(string[] args, string message)
    {
        var result = Docsgen.Run(args);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("docsgen: ", result.Error, StringComparison.Ordinal);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void A_missing_folder_exits_3()
    {
        var result = Docsgen.Run("diff", Path.Combine(Repo.Fixtures, "api-diff", "before"), Path.Combine(Repo.Fixtures, "api-diff", "nope"));

        Assert.Equal(3, result.ExitCode);
        Assert.StartsWith("docsgen: docs folder", result.Error, StringComparison.Ordinal);
    }

    internal sealed record Change(bool Breaking, string Class, string Kind, string Member, string? Before, string? After);

    internal static List<Change> Diff(string before, string after) =>
        DiffFolders(new() { [PagePath] = before }, new() { [PagePath] = after });

    internal static List<Change> DiffFolders(Dictionary<string, string> before, Dictionary<string, string> after)
    {
        using var old = new TempFolder();
        using var now = new TempFolder();
        foreach (var (path, text) in before)
        {
            old.Write(path, text);
        }

        foreach (var (path, text) in after)
        {
            now.Write(path, text);
        }

        var result = Docsgen.Run("diff", old.Path, now.Path, "--format", "json");
        Assert.True(result.ExitCode == 0, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        return json.RootElement.GetProperty("changes").EnumerateArray().Select(c => new Change(
            c.GetProperty("breaking").GetBoolean(),
            c.GetProperty("class").GetString()!,
            c.GetProperty("kind").GetString()!,
            c.GetProperty("member").GetString()!,
            c.GetProperty("before").GetString(),
            c.GetProperty("after").GetString())).ToList();
    }
}

/// <summary>Not run in parallel with other tests: it changes the process's working directory (git paths are relative to it).</summary>
[CollectionDefinition(nameof(WorkingDirectoryCollection), DisableParallelization = true)]
public sealed class WorkingDirectoryCollection;

[Collection(nameof(WorkingDirectoryCollection))]
public sealed class ApiDiffGitRefTests
{
    [Fact]
    public void A_git_ref_and_folder_is_the_folder_as_committed_at_that_ref()
    {
        using var repo = new TempFolder();
        repo.Write("docs/" + ApiDiffTests.PagePath, ApiDiffTests.BasePage);
        Git(repo.Path, "init", "-q");
        Git(repo.Path, "add", ".");
        Git(repo.Path, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "docs");
        repo.Write("docs/" + ApiDiffTests.PagePath, ApiDiffTests.BasePage.Replace("| withTags | boolean | 否 |", "| withTags | boolean | 是 |", StringComparison.Ordinal));

        var current = Directory.GetCurrentDirectory();
        try
        {
            // Git paths are relative to the working directory, as in CI from the repository root.
            Directory.SetCurrentDirectory(repo.Path);
            var result = Docsgen.Run("diff", "HEAD:docs", "docs", "--fail-on-breaking");
            var missing = Docsgen.Run("diff", "HEAD:no-such-folder", "docs");

            Assert.Equal(1, result.ExitCode);
            Assert.Contains("| optional → required | property | `Authing.Sdk.Models.GetWidgetDto.WithTags` |", result.Output, StringComparison.Ordinal);
            Assert.Equal(3, missing.ExitCode);
            Assert.StartsWith("docsgen: no docs folder 'HEAD:no-such-folder', and git cannot read it: ", missing.Error, StringComparison.Ordinal);
            Assert.Single(missing.Error.TrimEnd('\n').Split('\n'));
        }
        finally
        {
            Directory.SetCurrentDirectory(current);
        }
    }

    private static void Git(string directory, params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, "git " + string.Join(' ', args) + ": " + process.StandardError.ReadToEnd());
    }

}

using System.Text.Json;
using System.Text.RegularExpressions;
using Authing.DocsGen.Cli;

namespace Authing.DocsGen.Cli.Tests;

public sealed class GenerateTests
{
    [Fact]
    public void Generate_writes_exactly_the_committed_generator_output_for_docs_input()
    {
        using var temp = new TempFolder();
        var result = Docsgen.Run("generate", Repo.DocsInput, "-o", temp.Path);

        Assert.True(result.ExitCode == 0, result.Error);
        var written = ReadTree(temp.Path);
        var committed = ReadTree(Repo.GeneratedSdk);
        Assert.Equal(committed.Keys.Order(StringComparer.Ordinal), written.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, text) in committed)
        {
            Assert.True(text == written[name], $"{name} differs from generated/sdk");
        }
    }

    [Theory]
    [InlineData("pages")]
    [InlineData("multi-page")]
    public void Generate_writes_what_the_incremental_generator_emits_for_the_fixtures(string set)
    {
        var docs = Path.Combine(Repo.Fixtures, set);
        using var temp = new TempFolder();
        var result = Docsgen.Run("generate", docs, "-o", temp.Path, "--quiet");

        Assert.True(result.ExitCode == 0, result.Error);
        var expected = IncrementalGenerator.Run(docs);
        var written = ReadTree(temp.Path);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), written.Keys.Order(StringComparer.Ordinal));
        Assert.All(expected, pair => Assert.True(pair.Value == written[pair.Key], pair.Key + " differs"));
    }

    [Fact]
    public void Generate_removes_the_files_it_wrote_earlier_and_nothing_else()
    {
        using var docs = new TempFolder();
        using var output = new TempFolder();
        var page = File.ReadAllText(Path.Combine(Repo.DocsInput, "authentication", "mfa", "enroll-factor.md"));
        docs.Write("authentication/mfa/enroll-factor.md", page);
        docs.Write("authentication/mfa/enroll-other-factor.md", page.Replace("enrollFactor", "enrollOtherFactor", StringComparison.Ordinal));
        var mine = output.Write("hand-written.cs", "// mine\n");
        output.Write("notes/readme.txt", "kept\n");

        var first = Docsgen.Run("generate", docs.Path, "-o", output.Path);
        Assert.True(first.ExitCode == 0, first.Error);
        var firstFiles = ReadTree(output.Path).Keys.ToHashSet();
        Assert.Contains("authentication/mfa/enroll-other-factor.g.cs", firstFiles);

        var unchanged = Docsgen.Run("generate", docs.Path, "-o", output.Path);
        Assert.Contains("(0 written, ", unchanged.Output, StringComparison.Ordinal);

        File.Delete(docs.Combine("authentication", "mfa", "enroll-other-factor.md"));
        var second = Docsgen.Run("generate", docs.Path, "-o", output.Path);

        Assert.True(second.ExitCode == 0, second.Error);
        var secondFiles = ReadTree(output.Path).Keys.ToHashSet();
        Assert.DoesNotContain("authentication/mfa/enroll-other-factor.g.cs", secondFiles);
        Assert.Contains("authentication/mfa/enroll-factor.g.cs", secondFiles);
        Assert.True(File.Exists(mine), "a file docsgen did not write was removed");
        Assert.True(File.Exists(output.Combine("notes", "readme.txt")));
        Assert.Matches(@"\(0 written, \d+ unchanged, [1-9]\d* removed\)", second.Output);
        var manifest = File.ReadAllLines(output.Combine(GenerateCommand.ManifestName));
        Assert.DoesNotContain("authentication/mfa/enroll-other-factor.g.cs", manifest);
        Assert.Contains("authentication/mfa/enroll-factor.g.cs", manifest);

        // The last page goes: its folder, now empty, goes too; the hand-written file stays.
        File.Delete(docs.Combine("authentication", "mfa", "enroll-factor.md"));
        Assert.Equal(0, Docsgen.Run("generate", docs.Path, "-o", output.Path).ExitCode);
        Assert.False(Directory.Exists(output.Combine("authentication")), "the emptied folder was left behind");
        Assert.True(File.Exists(mine));
    }

    [Fact]
    public void Generate_ignores_manifest_entries_outside_the_output_folder()
    {
        using var docs = new TempFolder();
        using var output = new TempFolder();
        using var outside = new TempFolder();
        var victim = outside.Write("victim.cs", "// must survive\n");
        output.Write(GenerateCommand.ManifestName, $"# edited by hand\n../{Path.GetFileName(outside.Path)}/victim.cs\n{victim}\n");

        var result = Docsgen.Run("generate", docs.Path, "-o", output.Path);

        Assert.Equal(0, result.ExitCode);
        Assert.True(File.Exists(victim));
    }

    [Fact]
    public void Generate_prints_a_summary_table()
    {
        using var temp = new TempFolder();
        var result = Docsgen.Run("generate", Repo.DocsInput, "-o", temp.Path);

        Assert.Matches(@"docsgen: 1 page in .*docs-input -> 3 files in .* \(3 written, 0 unchanged, 0 removed\)", result.Output);
        Assert.Matches(@"(?m)^  methods\s+1$", result.Output);
        Assert.Matches(@"(?m)^    AuthenticationClient\s+1$", result.Output);
        Assert.Matches(@"(?m)^    ManagementClient\s+0$", result.Output);
        Assert.Matches(@"(?m)^  DTOs\s+3$", result.Output);
        Assert.Matches(@"(?m)^  enums\s+1$", result.Output);
        Assert.Matches(@"(?m)^    warning\s+1$", result.Output);
        Assert.Matches(@"(?m)^    error\s+0$", result.Output);

        // Warnings go to stderr in the compiler's format.
        Assert.Matches(@"enroll-factor\.md\(16,1\): warning ADG003: ", result.Error);
    }

    [Fact]
    public void Generate_shows_progress_for_large_sets_or_on_request()
    {
        using var temp = new TempFolder();
        var result = Docsgen.Run("generate", Path.Combine(Repo.Fixtures, "pages"), "-o", temp.Path, "--progress");

        Assert.Equal(0, result.ExitCode);
        var lines = Regex.Matches(result.Error, @"docsgen: parsed (\d+)/(\d+) pages").Select(m => m.Groups).ToList();
        Assert.True(lines.Count >= 5, result.Error);
        Assert.Equal(lines[^1][2].Value, lines[^1][1].Value);

        var quiet = Docsgen.Run("generate", Path.Combine(Repo.Fixtures, "pages"), "-o", temp.Path, "--quiet");
        Assert.DoesNotContain("parsed", quiet.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, quiet.Output);
    }

    internal static Dictionary<string, string> ReadTree(string root) =>
        Directory.GetFiles(root, "*.cs", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllText);
}

public sealed class CheckTests
{
    private static readonly Regex s_line = new(@"^(?<path>[^()]+)\((?<line>\d+),(?<col>\d+)\): (?<severity>error|warning|info) (?<id>ADG\d{3}): (?<message>.+)$", RegexOptions.Multiline);

    [Fact]
    public void Check_prints_every_diagnostic_in_the_compiler_format_and_passes_on_warnings()
    {
        var result = Docsgen.Run("check", Repo.DocsInput);

        Assert.Equal(0, result.ExitCode);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var diagnostics = lines.Where(l => s_line.IsMatch(l)).ToList();
        Assert.Equal(lines.Length - 2, diagnostics.Count);
        Assert.Equal("docsgen: info ADG042: Authing.DocsGen: 1 page read → 1 method, 3 types, 1 enum; no page skipped", lines[0]);
        Assert.Contains(diagnostics, l => l.EndsWith("docs-input/authentication/mfa/enroll-factor.md(16,1): warning ADG003: The method-name section says 'ManagementClient' but sample code says 'AuthenticationClient'; using AuthenticationClient (decided by docs folder)", StringComparison.Ordinal));
        Assert.Contains(diagnostics, l => s_line.Match(l).Groups["severity"].Value == "info");
        Assert.Equal("docsgen: 1 page, 0 errors, 1 warning, 3 info", lines[^1]);
    }

    [Fact]
    public void Check_fails_on_warnings_with_warnings_as_errors()
    {
        var result = Docsgen.Run("check", Repo.DocsInput, "--warnings-as-errors");

        Assert.Equal(Program.DiagnosticErrors, result.ExitCode);
        Assert.EndsWith("- check failed\n", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_passes_a_clean_folder_with_warnings_as_errors()
    {
        using var docs = new TempFolder();
        var page = File.ReadAllText(Path.Combine(Repo.DocsInput, "authentication", "mfa", "enroll-factor.md"))
            .Replace("`ManagementClient.enrollFactor`", "`AuthenticationClient.enrollFactor`", StringComparison.Ordinal);
        docs.Write("authentication/mfa/enroll-factor.md", page);

        var result = Docsgen.Run("check", docs.Path, "--warnings-as-errors");

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.DoesNotContain(": warning ", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_paths_are_the_docs_folder_as_typed_plus_the_page()
    {
        var result = Docsgen.Run("check", Path.Combine(Repo.Fixtures, "pages"));

        var paths = s_line.Matches(result.Output).Select(m => m.Groups["path"].Value).Distinct().ToList();
        Assert.NotEmpty(paths);
        Assert.All(paths, p => Assert.StartsWith(Path.Combine(Repo.Fixtures, "pages").Replace('\\', '/') + "/", p, StringComparison.Ordinal));
        Assert.All(paths, p => Assert.True(File.Exists(p), p));
    }
}

public sealed class InspectTests
{
    [Fact]
    public void The_docs_folders_overrides_file_applies_in_every_command_and_in_the_generator_alike()
    {
        using var docs = new TempFolder();
        var page = File.ReadAllText(Path.Combine(Repo.DocsInput, "authentication", "mfa", "enroll-factor.md"));
        docs.Write("authentication/mfa/enroll-factor.md", page);
        docs.Write("docsgen.json", "{\n  \"methods\": {\n    \"authentication/mfa/enroll-factor.md\": { \"verb\": \"PUT\", \"route\": \"/api/v3/mfa/enroll\" },\n    \"noSuchMethod\": { \"verb\": \"GET\" }\n  }\n}\n");

        var inspect = Docsgen.Run("inspect", docs.Path, "--json");
        Assert.True(inspect.ExitCode == 0, inspect.Error);
        using var json = JsonDocument.Parse(inspect.Output);
        Assert.Equal("authentication/mfa/enroll-factor.md", json.RootElement.GetProperty("pages")[0].GetProperty("override").GetString());
        var method = json.RootElement.GetProperty("methods")[0];
        Assert.Equal("PUT", method.GetProperty("verb").GetString());
        Assert.Equal("overrides-file", method.GetProperty("verbSource").GetProperty("fact").GetString());
        Assert.Equal("explicit", method.GetProperty("routeSource").GetProperty("kind").GetString());

        var check = Docsgen.Run("check", docs.Path);
        Assert.Contains("/docsgen.json(4,21): warning ADG027: docsgen.json: 'noSuchMethod' is not applied", check.Output.Replace('\\', '/'), StringComparison.Ordinal);

        using var output = new TempFolder();
        Assert.Equal(0, Docsgen.Run("generate", docs.Path, "-o", output.Path, "--quiet").ExitCode);
        var expected = IncrementalGenerator.Run(docs.Path);
        Assert.Contains("HttpMethod.Put, \"/api/v3/mfa/enroll\"", expected["authentication/mfa/enroll-factor.g.cs"], StringComparison.Ordinal);
        Assert.All(expected, pair => Assert.Equal(pair.Value, File.ReadAllText(output.Combine(pair.Key.Split('/')))));
    }

    [Fact]
    public void Inspect_json_shows_the_pagination_of_a_list_method_and_null_elsewhere()
    {
        using var docs = new TempFolder();
        docs.Write("management/widgets/list-widgets.md", File.ReadAllText(Path.Combine(Repo.Fixtures, "pages", "management", "widgets", "list-widgets.md")));
        docs.Write("management/widgets/get-widget.md", File.ReadAllText(Path.Combine(Repo.Fixtures, "pages", "management", "widgets", "get-widget.md")));

        var result = Docsgen.Run("inspect", docs.Path, "--json");

        Assert.True(result.ExitCode == 0, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        var methods = json.RootElement.GetProperty("methods").EnumerateArray().ToDictionary(m => m.GetProperty("name").GetString()!);
        Assert.Equal(JsonValueKind.Null, methods["GetWidget"].GetProperty("pagination").ValueKind);
        var pagination = methods["ListWidgets"].GetProperty("pagination");
        Assert.Equal(
            "{\"itemsMethod\":\"ListWidgetsItemsAsync\",\"pagesMethod\":\"ListWidgetsPagesAsync\",\"itemType\":\"WidgetListItemDto\",\"page\":\"Page\",\"limit\":\"Limit\",\"items\":\"Data.List\",\"totalCount\":\"Data.TotalCount\",\"defaultPageSize\":10}",
            JsonSerializer.Serialize(pagination));
    }

    [Fact]
    public void Inspect_json_has_the_documented_shape()
    {
        var result = Docsgen.Run("inspect", Repo.DocsInput, "--json");

        Assert.True(result.ExitCode == 0, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        Assert.Equal(
            new[] { "schema", "options", "pages", "methods", "dtos", "enums", "diagnostics", "files" },
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, root.GetProperty("schema").GetInt32());
        Assert.Equal("Authing.Sdk", root.GetProperty("options").GetProperty("namespace").GetString());

        var method = Assert.Single(root.GetProperty("methods").EnumerateArray().ToList());
        Assert.Equal("authentication/mfa/enroll-factor.md", method.GetProperty("page").GetString());
        Assert.Equal("AuthenticationClient", method.GetProperty("client").GetString());
        Assert.Equal("folder", method.GetProperty("clientSource").GetProperty("fact").GetString());
        Assert.Equal("slug", method.GetProperty("clientSource").GetProperty("kind").GetString());
        Assert.Equal("EnrollFactor", method.GetProperty("name").GetString());
        Assert.Equal("page", method.GetProperty("nameSource").GetProperty("kind").GetString());
        Assert.Equal("POST", method.GetProperty("verb").GetString());
        Assert.Equal("convention", method.GetProperty("verbSource").GetProperty("kind").GetString());
        Assert.Equal("/api/v3/enroll-factor", method.GetProperty("route").GetString());
        Assert.Equal("file-name", method.GetProperty("routeSource").GetProperty("fact").GetString());
        Assert.Equal("EnrollFactorDto", method.GetProperty("request").GetString());
        Assert.Equal("EnrollFactorRespDto", method.GetProperty("response").GetString());
        var parameters = method.GetProperty("parameters").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
        Assert.Equal(new[] { "enrollmentData", "enrollmentToken", "factorType" }, parameters.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("enum", parameters["factorType"].GetProperty("typeKind").GetString());
        Assert.Equal("EnrollFactorFactorType", parameters["factorType"].GetProperty("type").GetString());
        Assert.True(parameters["factorType"].GetProperty("required").GetBoolean());
        Assert.Equal("body", parameters["factorType"].GetProperty("in").GetString());

        var dtos = root.GetProperty("dtos").EnumerateArray().ToDictionary(d => d.GetProperty("name").GetString()!);
        var request = dtos["EnrollFactorDto"];
        Assert.Equal("request", request.GetProperty("role").GetString());
        Assert.True(request.GetProperty("strict").GetBoolean());
        var token = request.GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "enrollmentToken");
        Assert.Equal("string", token.GetProperty("type").GetString());
        Assert.True(token.GetProperty("required").GetBoolean());

        var enumModel = Assert.Single(root.GetProperty("enums").EnumerateArray().ToList());
        Assert.Equal("EnrollFactorFactorType", enumModel.GetProperty("name").GetString());
        Assert.Equal(new[] { "OTP", "SMS", "EMAIL", "FACE" }, enumModel.GetProperty("values").EnumerateArray().Select(v => v.GetProperty("value").GetString()));

        var diagnostic = root.GetProperty("diagnostics").EnumerateArray().First(d => d.GetProperty("id").GetString() == "ADG003");
        Assert.Equal("warning", diagnostic.GetProperty("severity").GetString());
        Assert.Equal(16, diagnostic.GetProperty("line").GetInt32());
        Assert.Contains("authentication/mfa/enroll-factor.g.cs", root.GetProperty("files").EnumerateArray().Select(f => f.GetString()));
    }

    [Fact]
    public void Inspect_json_is_stable_and_machine_independent()
    {
        var fixtures = Path.Combine(Repo.Fixtures, "pages");
        var first = Docsgen.Run("inspect", fixtures, "--json");
        var second = Docsgen.Run("inspect", fixtures + "/", "--json");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(first.Output, second.Output);
        Assert.DoesNotContain(Repo.Root, first.Output, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(first.Output);
        Assert.True(json.RootElement.GetProperty("methods").GetArrayLength() > 10);
    }

    [Fact]
    public void Inspect_without_json_prints_a_table()
    {
        var result = Docsgen.Run("inspect", Repo.DocsInput);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("AuthenticationClient.EnrollFactor", result.Output, StringComparison.Ordinal);
        Assert.Contains("(folder / parameter-kinds / file-name)", result.Output, StringComparison.Ordinal);
    }
}

public sealed class ErrorTests
{
    [Theory]
    [InlineData(Program.UsageError, new string[0], "no command given")]
    [InlineData(Program.UsageError, new[] { "frobnicate", "docs" }, "unknown command 'frobnicate'")]
    [InlineData(Program.UsageError, new[] { "--frobnicate" }, "unknown option '--frobnicate'")]
    [InlineData(Program.UsageError, new[] { "check" }, "'check' needs a docs folder")]
    [InlineData(Program.UsageError, new[] { "check", "a", "b" }, "unexpected argument 'b'")]
    [InlineData(Program.UsageError, new[] { "check", "docs", "--json" }, "unknown option '--json' for 'check'")]
    [InlineData(Program.UsageError, new[] { "generate", "docs" }, "'generate' needs an output folder")]
    [InlineData(Program.UsageError, new[] { "generate", "docs", "-o" }, "option '-o' needs a value")]
    [InlineData(Program.UsageError, new[] { "check", "docs", "--namespace", "1nvalid.Name" }, "is not a C# namespace")]
    [InlineData(Program.UsageError, new[] { "check", "docs", "--accessibility", "private" }, "--accessibility must be public or internal")]
    [InlineData(Program.IoError, new[] { "check", "/no/such/folder" }, "docs folder '/no/such/folder' does not exist")]
    [InlineData(Program.IoError, new[] { "inspect", "/no/such/folder", "--json" }, "does not exist")]
    public void Bad_input_gives_one_clear_line_and_a_nonzero_exit(int exitCode, string[] args, string message)
    {
        var result = Docsgen.Run(args);

        AssertOneLine(result, exitCode, message);
    }

    [Fact]
    public void A_file_instead_of_a_folder_is_an_io_error()
    {
        using var temp = new TempFolder();
        var file = temp.Write("page.md", "# x\n");

        AssertOneLine(Docsgen.Run("check", file), Program.IoError, "is a file, not a docs folder");
        AssertOneLine(Docsgen.Run("generate", temp.Path, "-o", file), Program.IoError, "is a file, not a folder");
    }

    [Fact]
    public void An_unreadable_page_is_an_io_error_naming_the_page()
    {
        using var temp = new TempFolder();
        temp.Write("docs/a.md", "# a\n");
        File.CreateSymbolicLink(temp.Combine("docs", "broken.md"), temp.Combine("docs", "missing-target.md"));

        var result = Docsgen.Run("check", temp.Combine("docs"));

        AssertOneLine(result, Program.IoError, "cannot read '");
        Assert.Contains("broken.md", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unwritable_output_is_an_io_error()
    {
        using var temp = new TempFolder();
        temp.Write("blocker", "a file where a folder must go\n");

        var result = Docsgen.Run("generate", Repo.DocsInput, "-o", temp.Combine("blocker", "out"));

        AssertOneLine(result, Program.IoError, "");
    }

    [Fact]
    public void Help_and_version_succeed()
    {
        var help = Docsgen.Run("--help");
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("docsgen generate <docs-dir> -o <out-dir>", help.Output, StringComparison.Ordinal);
        Assert.Contains("--warnings-as-errors", Docsgen.Run("check", "--help").Output, StringComparison.Ordinal);
        Assert.Matches(@"^\d+\.\d+\.\d+", Docsgen.Run("--version").Output);
    }

    [Fact]
    public async Task The_built_tool_reports_errors_without_a_stack_trace()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "docsgen.dll");
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("check");
        start.ArgumentList.Add("/no/such/folder");
        using var process = System.Diagnostics.Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = await process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);

        AssertOneLine(new CliResult(process.ExitCode, output, await error), Program.IoError, "does not exist");
    }

    private static void AssertOneLine(CliResult result, int exitCode, string message)
    {
        Assert.Equal(exitCode, result.ExitCode);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var line = Assert.Single(lines);
        Assert.StartsWith("docsgen: ", line, StringComparison.Ordinal);
        Assert.Contains(message, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Output);
    }
}

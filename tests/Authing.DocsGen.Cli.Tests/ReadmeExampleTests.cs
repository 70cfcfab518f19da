namespace Authing.DocsGen.Cli.Tests;

/// <summary>
/// The README's <c>docsgen diff</c> and <c>docsgen lint</c> examples are real runs over the committed fixtures: the diff
/// example may be trimmed (a line of "…"), but its headline counts and every line it shows are the tool's output, in
/// order; the lint example is the whole output.
/// </summary>
public sealed class ReadmeExampleTests
{
    private const string DiffCommand = "$ docsgen diff tests/fixtures/api-diff/before tests/fixtures/api-diff/after --fail-on-breaking; echo $?";
    private const string LintCommand = "$ docsgen lint tests/fixtures/lint";

    [Fact]
    public void The_diff_example_headline_counts_equal_a_real_run()
    {
        var example = Example(DiffCommand);
        var real = RunAsTyped("diff", "tests/fixtures/api-diff/before", "tests/fixtures/api-diff/after", "--fail-on-breaking");

        var headline = Assert.Single(example, l => l.StartsWith("`tests/fixtures/api-diff/before` → ", StringComparison.Ordinal));
        Assert.Contains(headline, real.Lines);
        Assert.Equal(real.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture), example[^1]);
    }

    [Fact]
    public void Every_line_the_diff_example_shows_is_real_output_in_order()
    {
        var example = Example(DiffCommand);
        var real = RunAsTyped("diff", "tests/fixtures/api-diff/before", "tests/fixtures/api-diff/after", "--fail-on-breaking");

        var next = 0;
        foreach (var line in example.Take(example.Count - 1).Where(l => l != "…"))
        {
            var found = real.Lines.IndexOf(line, next);
            Assert.True(found >= 0, $"README diff example line is not in the real output (after line {next}):\n{line}\n\nReal output:\n{string.Join('\n', real.Lines)}");
            next = found + 1;
        }

        // A trimmed example says so.
        Assert.True(example.Count - 1 == real.Lines.Count || example.Contains("…"), "The README diff example leaves lines out without a '…'");
    }

    [Fact]
    public void The_lint_example_is_the_real_output()
    {
        var example = Example(LintCommand);
        var real = RunAsTyped("lint", "tests/fixtures/lint");

        Assert.Equal(0, real.ExitCode);
        Assert.Equal(string.Join('\n', real.Lines), string.Join('\n', example));
    }

    /// <summary>The lines of the README code block after <paramref name="command"/>, up to the closing fence.</summary>
    private static List<string> Example(string command)
    {
        var readme = File.ReadAllText(Path.Combine(Repo.Root, "README.md")).ReplaceLineEndings("\n").Split('\n');
        var start = Array.IndexOf(readme, command);
        Assert.True(start >= 0, "README has no example line: " + command);
        return readme.Skip(start + 1).TakeWhile(l => l != "```").ToList();
    }

    /// <summary>Runs docsgen on repository-relative paths as the README types them (in process, so on absolute paths, shown relative).</summary>
    private static (int ExitCode, List<string> Lines) RunAsTyped(string command, params string[] args)
    {
        var root = Repo.Root.Replace('\\', '/').TrimEnd('/') + "/";
        var result = Docsgen.Run([command, .. args.Select(a => a.StartsWith("--", StringComparison.Ordinal) ? a : root + a)]);
        var text = (result.Output + result.Error).Replace(root, string.Empty, StringComparison.Ordinal).TrimEnd('\n');
        return (result.ExitCode, text.Split('\n').ToList());
    }
}

using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Microsoft.CodeAnalysis;
using Xunit.Sdk;

namespace Authing.DocsGen.Tests.Infrastructure;

/// <summary>
/// Snapshot testing in Verify's layout: <c>Snapshots/{name}#{part}.verified.{ext}</c> holds the accepted text; a
/// mismatch writes <c>.received.{ext}</c> next to it and fails with a readable diff. Accepting is an explicit step
/// (<c>tests/accept-snapshots.sh</c>); tests never create or overwrite a verified file, in CI or anywhere else.
/// </summary>
public static class Snapshot
{
    public static void VerifyGenerated(string name, GeneratorRunResult result, string pathRoot = "", Func<string, bool>? includeHint = null)
    {
        var parts = result.GeneratedSources
            .Where(s => includeHint?.Invoke(s.HintName) ?? true)
            .Select(s => (s.HintName.Replace('/', '.').Substring(0, s.HintName.Length - 3), "cs", s.SourceText.ToString()))
            .Append(("diagnostics", "txt", FormatDiagnostics(result.Diagnostics, pathRoot)))
            .ToList();
        Verify(name, parts);
    }

    public static string FormatDiagnostics(IEnumerable<Diagnostic> diagnostics, string pathRoot = "")
    {
        var text = new StringBuilder();
        foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.GetLineSpan().Path ?? string.Empty, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start).ThenBy(d => d.Id, StringComparer.Ordinal))
        {
            if (diagnostic.Location == Location.None)
            {
                // Diagnostics about the whole docs set (ADG041, ADG042) have no place in a page.
                text.Append($"(docs set): {diagnostic.DefaultSeverity.ToString().ToLowerInvariant()} {diagnostic.Id}: {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}\n");
                continue;
            }

            var span = diagnostic.Location.GetLineSpan();
            var path = span.Path.StartsWith(pathRoot, StringComparison.Ordinal) ? span.Path.Substring(pathRoot.Length) : span.Path;
            text.Append(path)
                .Append($"({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1},{span.EndLinePosition.Line + 1},{span.EndLinePosition.Character + 1})")
                .Append($": {diagnostic.DefaultSeverity.ToString().ToLowerInvariant()} {diagnostic.Id}: {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")
                .Append('\n');
        }

        return text.Length == 0 ? "(no diagnostics)\n" : text.ToString();
    }

    /// <param name="name">Snapshot name; may contain '/' to group snapshots in folders.</param>
    /// <param name="parts">(part, extension, text) for each file.</param>
    public static void Verify(string name, IReadOnlyList<(string Part, string Extension, string Text)> parts)
    {
        var basePath = Path.Combine(Paths.Snapshots, name.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(basePath)!);
        var failures = new StringBuilder();
        var expectedFiles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (part, extension, text) in parts)
        {
            var verified = $"{basePath}#{part}.verified.{extension}";
            var received = $"{basePath}#{part}.received.{extension}";
            expectedFiles.Add(Path.GetFileName(verified));
            var actual = Normalize(text);
            if (File.Exists(verified) && Normalize(File.ReadAllText(verified)) == actual)
            {
                File.Delete(received);
                continue;
            }

            File.WriteAllText(received, actual);
            failures.Append(File.Exists(verified)
                ? $"\n--- {Relative(verified)}\n+++ {Relative(received)}\n{Diff(File.ReadAllText(verified), actual)}"
                : $"\nNew snapshot, not yet accepted: {Relative(received)}\n");
        }

        var prefix = Path.GetFileName(basePath) + "#";
        foreach (var orphan in Directory.GetFiles(Path.GetDirectoryName(basePath)!, prefix + "*.verified.*"))
        {
            if (!expectedFiles.Contains(Path.GetFileName(orphan)))
            {
                failures.Append($"\nNo longer generated, delete after review: {Relative(orphan)}\n");
            }
        }

        if (failures.Length > 0)
        {
            throw new XunitException(
                $"Snapshot '{name}' does not match.{failures}\nReview the diff, then accept with: tests/accept-snapshots.sh");
        }
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n").TrimEnd('\n') + "\n";

    private static string Relative(string path) => Path.GetRelativePath(Paths.Repository, path);

    private static string Diff(string expected, string actual)
    {
        var diff = InlineDiffBuilder.Diff(Normalize(expected), actual, ignoreWhiteSpace: false);
        var text = new StringBuilder();
        var lines = diff.Lines;
        for (var i = 0; i < lines.Count; i++)
        {
            var near = false;
            for (var k = Math.Max(0, i - 2); k <= Math.Min(lines.Count - 1, i + 2) && !near; k++)
            {
                near = lines[k].Type != ChangeType.Unchanged;
            }

            if (!near)
            {
                continue;
            }

            var marker = lines[i].Type switch { ChangeType.Inserted => "+", ChangeType.Deleted => "-", _ => " " };
            text.Append(marker).Append(' ').Append(lines[i].Text).Append('\n');
        }

        return text.ToString();
    }
}

using System.Globalization;
using System.Text;
using Authing.DocsGen.Model;
using Microsoft.CodeAnalysis;

namespace Authing.DocsGen.Cli;

/// <summary><c>docsgen generate</c>: the generator's files on disk, stale ones removed, and a summary.</summary>
public static class GenerateCommand
{
    /// <summary>The file in the output folder that lists what docsgen wrote there.</summary>
    public const string ManifestName = ".docsgen-manifest";

    /// <summary>From this many pages on, progress is shown without <c>--progress</c>.</summary>
    public const int ProgressThreshold = 100;

    private const string ManifestHeader = "# Written by docsgen generate: the files below are removed by the next run that no longer generates them.";
    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static int Run(GenerateArguments args, TextWriter output, TextWriter error, bool progressIsInteractive)
    {
        var folder = DocsFolder.Open(args.DocsDirectory);
        var outRoot = Path.GetFullPath(args.OutputDirectory);
        if (File.Exists(outRoot))
        {
            throw new DocsIoException($"output '{args.OutputDirectory}' is a file, not a folder");
        }

        // Before the (possibly long) compilation: an output folder that cannot be created fails first.
        try
        {
            Directory.CreateDirectory(outRoot);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DocsIoException($"cannot create output folder '{args.OutputDirectory}': {ex.Message}");
        }

        var showProgress = !args.Quiet && (args.Progress || folder.RelativePaths.Count >= ProgressThreshold);
        var progress = showProgress ? new Progress(error, folder.RelativePaths.Count, progressIsInteractive) : null;
        var compilation = DocsCompiler.Compile(folder.ReadPages(progress is null ? null : progress.Report), args.Options, folder.ReadOverridesFile());
        progress?.Done();

        var diagnostics = DiagnosticLine.From(compilation.Diagnostics);
        foreach (var diagnostic in diagnostics.Where(d => d.Severity >= (args.Quiet ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning)))
        {
            error.WriteLine(diagnostic.Format(folder));
        }

        var result = Write(outRoot, args.OutputDirectory, compilation.Sources.Select(s => (s.HintName, s.Text)).ToList());
        if (!args.Quiet)
        {
            Summary.Write(output, folder, compilation, diagnostics, result, args.OutputDirectory);
        }

        return diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error) ? Program.DiagnosticErrors : Program.Success;
    }

    /// <summary>Writes changed files only (unchanged files keep their timestamps), then removes what the last run wrote and this one did not.</summary>
    public static WriteResult Write(string outRoot, string displayOut, IReadOnlyList<(string HintName, string Text)> sources)
    {
        int written = 0, unchanged = 0, removed = 0;
        try
        {
            Directory.CreateDirectory(outRoot);
            var manifestPath = Path.Combine(outRoot, ManifestName);
            var previous = ReadManifest(manifestPath);
            var current = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var (hintName, text) in sources)
            {
                var relative = SafeRelative(hintName) ?? throw new DocsIoException($"generated file name '{hintName}' would be written outside the output folder");
                current.Add(relative);
                var path = Path.Combine(outRoot, relative);
                var bytes = s_utf8.GetBytes(text);
                if (File.Exists(path) && File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes))
                {
                    unchanged++;
                    continue;
                }

                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllBytes(path, bytes);
                written++;
            }

            foreach (var stale in previous.Where(p => !current.Contains(p)))
            {
                var path = Path.Combine(outRoot, stale);
                if (File.Exists(path))
                {
                    File.Delete(path);
                    removed++;
                }

                RemoveEmptyParents(outRoot, Path.GetDirectoryName(path));
            }

            var manifest = new StringBuilder(ManifestHeader).Append('\n');
            foreach (var file in current)
            {
                manifest.Append(file).Append('\n');
            }

            File.WriteAllText(manifestPath, manifest.ToString(), s_utf8);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DocsIoException($"cannot write to '{displayOut}': {ex.Message}");
        }

        return new WriteResult(sources.Count, written, unchanged, removed);
    }

    private static List<string> ReadManifest(string path)
    {
        if (!File.Exists(path))
        {
            return new List<string>();
        }

        // Entries that are not plain relative paths (edited by hand?) are ignored: nothing outside the folder is deleted.
        return File.ReadAllLines(path)
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(SafeRelative)
            .OfType<string>()
            .ToList();
    }

    /// <summary>The path with '/' separators when it stays inside the folder; null for rooted paths and '..' segments.</summary>
    private static string? SafeRelative(string path)
    {
        var normalized = path.Replace('\\', '/');
        if (normalized.Length == 0 || Path.IsPathRooted(normalized) || normalized.Split('/').Any(s => s is "" or "." or ".."))
        {
            return null;
        }

        return normalized;
    }

    private static void RemoveEmptyParents(string outRoot, string? directory)
    {
        var root = Path.TrimEndingDirectorySeparator(outRoot);
        while (directory is not null
            && directory.Length > root.Length
            && directory.StartsWith(root, StringComparison.Ordinal)
            && Directory.Exists(directory)
            && !Directory.EnumerateFileSystemEntries(directory).Any())
        {
            Directory.Delete(directory);
            directory = Path.GetDirectoryName(directory);
        }
    }

    public sealed record WriteResult(int Files, int Written, int Unchanged, int Removed);

    /// <summary>Progress on stderr: a line that updates in a terminal, a line per tenth otherwise (CI logs).</summary>
    private sealed class Progress(TextWriter error, int total, bool interactive)
    {
        private int _lastTenth = -1;

        public void Report(int done)
        {
            if (interactive)
            {
                error.Write(string.Create(CultureInfo.InvariantCulture, $"\rdocsgen: parsing pages {done}/{total}"));
                return;
            }

            var tenth = total == 0 ? 10 : done * 10 / total;
            if (tenth != _lastTenth)
            {
                _lastTenth = tenth;
                error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"docsgen: parsed {done}/{total} pages"));
            }
        }

        public void Done()
        {
            if (interactive)
            {
                error.WriteLine();
            }
        }
    }
}

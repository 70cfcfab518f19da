using System.Collections.Immutable;
using Authing.DocsGen.Cli;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Authing.DocsGen.Cli.Tests;

public static class Repo
{
    public static string Root { get; } = Find();

    public static string DocsInput => Path.Combine(Root, "docs-input");

    public static string Fixtures => Path.Combine(Root, "tests", "fixtures");

    /// <summary>The committed output of the incremental generator for docs-input (kept fresh by GeneratedFolderTests).</summary>
    public static string GeneratedSdk => Path.Combine(Root, "generated", "sdk", "Authing.DocsGen.Generator", "Authing.DocsGen.AuthingDocsGenerator");

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Authing.DocsGen.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Authing.DocsGen.sln not found above " + AppContext.BaseDirectory);
    }
}

public sealed record CliResult(int ExitCode, string Output, string Error);

/// <summary>Runs docsgen in process, capturing both streams.</summary>
public static class Docsgen
{
    public static CliResult Run(params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var exit = Program.Run(args, output, error);
        return new CliResult(exit, output.ToString(), error.ToString());
    }
}

/// <summary>A temporary folder, deleted on dispose.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "adg-cli-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public string Write(string relative, string text)
    {
        var file = Combine(relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.WriteAllText(file, text);
        return file;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>The incremental generator as the compiler runs it: pages as AdditionalFiles, no options.</summary>
public static class IncrementalGenerator
{
    public static Dictionary<string, string> Run(string docsRoot) =>
        RunGenerator(docsRoot).GeneratedSources.ToDictionary(s => s.HintName.Replace('\\', '/'), s => s.SourceText.ToString());

    /// <summary>The build's diagnostics as <c>path(line,col): ID</c>, paths relative to <paramref name="docsRoot"/>.</summary>
    public static List<string> Diagnostics(string docsRoot) =>
        RunGenerator(docsRoot).Diagnostics
            .Select(d => d.Location.GetLineSpan() is var span ? $"{span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): {d.Id}" : d.Id)
            .ToList();

    private static GeneratorRunResult RunGenerator(string docsRoot)
    {
        var texts = Directory.GetFiles(docsRoot, "*.md", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(docsRoot, "docsgen.json", SearchOption.TopDirectoryOnly))
            .Select(f => (AdditionalText)new FileText(System.IO.Path.GetRelativePath(docsRoot, f).Replace('\\', '/'), f))
            .ToImmutableArray();
        var driver = CSharpGeneratorDriver.Create(
            new[] { new AuthingDocsGenerator().AsSourceGenerator() },
            texts,
            new CSharpParseOptions(LanguageVersion.Latest),
            new EmptyOptionsProvider());
        var compilation = CSharpCompilation.Create("Sdk", references: new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) });
        var result = driver.RunGenerators(compilation).GetRunResult().Results.Single();
        Assert.Null(result.Exception);
        return result;
    }

    private sealed class FileText(string path, string file) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => CompilerRead.File(file);
    }

    private sealed class EmptyOptionsProvider : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Empty();

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => GlobalOptions;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => GlobalOptions;

        private sealed class Empty : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, out string value)
            {
                value = string.Empty;
                return false;
            }
        }
    }
}

/// <summary>
/// How the C# compiler reads an <c>AdditionalFiles</c> item: <c>CommonCompiler</c> opens the file and calls Roslyn's
/// internal <c>EncodedStringText.Create(stream)</c> (no /codepage). Called through reflection: it is the behaviour
/// <see cref="PageText"/> must match.
/// </summary>
public static class CompilerRead
{
    private static readonly System.Reflection.MethodInfo s_create = typeof(SourceText).Assembly
        .GetType("Microsoft.CodeAnalysis.Text.EncodedStringText", throwOnError: true)!
        .GetMethods(System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.NonPublic)
        .Single(m => m.Name == "Create" && m.GetParameters().Select(p => p.ParameterType).SequenceEqual(new[] { typeof(Stream), typeof(System.Text.Encoding), typeof(SourceHashAlgorithm), typeof(bool) }));

    public static SourceText File(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1, FileOptions.None);
        try
        {
            return (SourceText)s_create.Invoke(null, new object?[] { stream, null, SourceHashAlgorithm.Sha1, false })!;
        }
        catch (System.Reflection.TargetInvocationException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(ex.InnerException);
            throw;
        }
    }
}

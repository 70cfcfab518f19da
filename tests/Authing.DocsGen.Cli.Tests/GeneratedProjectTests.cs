using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Authing.DocsGen.Cli.Tests;

/// <summary>
/// generated/Authing.Sdk.Generated.csproj writes the compiler's copy of the generated sources to generated/sdk only in
/// the main job (<c>dotnet build generated</c>); in a solution build (<c>$(SolutionPath)</c> set, as
/// <c>dotnet test Authing.DocsGen.sln</c> and .ci/run do) it writes them under obj/, so GeneratedFolderTests still reads
/// the committed generated/sdk and fails when it is stale. These tests evaluate the project with MSBuild (no build).
/// </summary>
public sealed class GeneratedProjectTests
{
    private static string Project => Path.Combine(Repo.Root, "generated", "Authing.Sdk.Generated.csproj");

    private static string CommittedSdk => Path.Combine(Repo.Root, "generated", "sdk");

    [Fact]
    public void Dotnet_build_generated_writes_the_committed_sdk_folder()
    {
        var properties = Evaluate();

        Assert.Equal("true", properties["EmitCompilerGeneratedFiles"]);
        Assert.Equal(Normalize(CommittedSdk), Normalize(properties["CompilerGeneratedFilesOutputPath"]));
        Assert.NotEqual("true", properties["_AuthingSdkInSolutionBuild"]);
    }

    [Fact]
    public void A_solution_build_writes_under_obj_and_never_into_the_committed_sdk_folder()
    {
        var properties = Evaluate("-p:SolutionPath=" + Path.Combine(Repo.Root, "Authing.DocsGen.sln"));

        var output = Normalize(properties["CompilerGeneratedFilesOutputPath"]);
        Assert.Equal("true", properties["EmitCompilerGeneratedFiles"]);
        Assert.Equal("true", properties["_AuthingSdkInSolutionBuild"]);
        Assert.StartsWith(Normalize(Path.Combine(Repo.Root, "generated", "obj")) + "/", output, StringComparison.Ordinal);
        // RefreshGeneratedSdk deletes this folder before every compile: it must not be, or contain, generated/sdk.
        Assert.False(
            output == Normalize(CommittedSdk) || output.StartsWith(Normalize(CommittedSdk) + "/", StringComparison.Ordinal) || Normalize(CommittedSdk).StartsWith(output + "/", StringComparison.Ordinal),
            $"A solution build would write the generated sources to {output}, over the committed generated/sdk");
    }

    private static Dictionary<string, string> Evaluate(params string[] extra)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Repo.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var arg in new[] { "msbuild", Project, "-nologo", "-getProperty:CompilerGeneratedFilesOutputPath", "-getProperty:_AuthingSdkInSolutionBuild", "-getProperty:EmitCompilerGeneratedFiles" }.Concat(extra))
        {
            start.ArgumentList.Add(arg);
        }

        // An outer `dotnet test` (or a solution build) must not steer the evaluation.
        foreach (var name in new[] { "MSBuildExtensionsPath", "MSBUILD_EXE_PATH", "MSBuildSDKsPath", "MSBuildLoadMicrosoftTargetsReadOnly", "SolutionPath", "SolutionDir" })
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "dotnet msbuild -getProperty did not finish within 2 minutes");
        Assert.True(process.ExitCode == 0, $"dotnet msbuild exited {process.ExitCode}:\n{output}\n{error.Result}");

        using var json = JsonDocument.Parse(output);
        return json.RootElement.GetProperty("Properties").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? string.Empty);
    }

    private static string Normalize(string path) => Path.GetFullPath(path).Replace('\\', '/').TrimEnd('/');
}

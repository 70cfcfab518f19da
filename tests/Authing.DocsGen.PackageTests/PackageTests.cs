using System.Text.Json;
using Xunit.Abstractions;

namespace Authing.DocsGen.PackageTests;

/// <summary>The Authing.DocsGen package, as a consumer outside this repository gets it.</summary>
public sealed class PackageTests(PackageFixture fixture, ITestOutputHelper log) : IClassFixture<PackageFixture>
{
    private const string ServerResponse = """{"statusCode":200,"message":"ok","requestId":"req-1","data":{}}""";

    [Fact]
    public void Pack_and_consumer_builds_succeed_without_warnings()
    {
        log.WriteLine($"pack + consumer build took {fixture.SetUpTime.TotalSeconds:0.0} s (pack {fixture.Pack.Elapsed.TotalSeconds:0.0} s, build {fixture.Build?.Elapsed.TotalSeconds:0.0} s)");
        Assert.True(fixture.Pack.ExitCode == 0, "dotnet pack failed:\n" + fixture.Pack.All);
        Assert.NotNull(fixture.Build);
        Assert.True(fixture.Build!.ExitCode == 0, "the consumers did not build:\n" + fixture.Build.All);

        // -warnaserror would have failed the build already; these name the generator's own failure modes explicitly.
        Assert.DoesNotContain("CS8784", fixture.Build.All, StringComparison.Ordinal);
        Assert.DoesNotContain("CS8785", fixture.Build.All, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"(?i)\bwarning [A-Z]+[0-9]+", fixture.Build.All);
        Assert.Contains("0 Warning(s)", fixture.Build.All, StringComparison.Ordinal);
    }

    [Fact]
    public void Package_has_one_analyzer_folder_the_runtime_for_both_frameworks_and_buildTransitive_glue()
    {
        Assert.True(fixture.Pack.ExitCode == 0, fixture.Pack.All);
        var entries = fixture.PackageEntries();
        log.WriteLine(string.Join("\n", entries));

        Assert.Equal(
            new[] { "analyzers/dotnet/cs/Authing.DocsGen.Generator.dll", "analyzers/dotnet/cs/Markdig.Signed.dll", "analyzers/dotnet/cs/Scriban.Signed.dll" },
            entries.Where(e => e.StartsWith("analyzers/", StringComparison.Ordinal)));
        Assert.Contains("lib/netstandard2.0/Authing.DocsGen.Runtime.dll", entries);
        Assert.Contains("lib/net8.0/Authing.DocsGen.Runtime.dll", entries);
        Assert.Contains("buildTransitive/Authing.DocsGen.props", entries);
        Assert.Contains("buildTransitive/Authing.DocsGen.targets", entries);
        Assert.Contains("buildTransitive/Polyfills/AuthingDocsGen.RequiredMembers.cs", entries);
        Assert.Contains("README.md", entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal) && e.Contains("Generator", StringComparison.Ordinal));

        using var zip = System.IO.Compression.ZipFile.OpenRead(fixture.PackagePath);
        using var nuspec = new StreamReader(zip.GetEntry("Authing.DocsGen.nuspec")!.Open());
        var text = nuspec.ReadToEnd();
        Assert.Contains("<license type=\"expression\">MIT</license>", text, StringComparison.Ordinal);
        Assert.Contains("<readme>README.md</readme>", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Authing.DocsGen.Generator", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Markdig", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("App10", "net10.0")]
    [InlineData("App8", "net8.0")]
    public async Task Console_app_sends_one_generated_call_over_the_wire(string app, string framework)
    {
        Assert.True(fixture.Build?.ExitCode == 0, "the consumers did not build:\n" + fixture.Build?.All);
        using var server = new LoopbackServer(ServerResponse);

        var run = await DotNet.RunAsync(fixture.Consumers, TimeSpan.FromMinutes(1), null, fixture.AppDll(app, framework), server.BaseUrl);

        log.WriteLine(run.All);
        Assert.True(run.ExitCode == 0, $"{app} failed:\n{run.All}");
        Assert.Contains("statusCode=200 message=ok success=True", run.Output, StringComparison.Ordinal);
        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/api/v3/enroll-factor", request.PathAndQuery);
        Assert.Equal("app-1", request.Headers["x-authing-app-id"]);
        Assert.Equal("user-token", request.Headers["authorization"]);
        Assert.StartsWith("application/json", request.Headers["content-type"], StringComparison.Ordinal);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("token-1", body.RootElement.GetProperty("enrollmentToken").GetString());
        Assert.Equal("SMS", body.RootElement.GetProperty("factorType").GetString());
        Assert.Equal("123456", body.RootElement.GetProperty("enrollmentData").GetProperty("passCode").GetString());
    }

    [Fact]
    public void Netstandard_library_got_polyfills_and_the_namespace_and_accessibility_options()
    {
        Assert.True(fixture.Build?.ExitCode == 0, "the consumers did not build:\n" + fixture.Build?.All);
        var dll = Path.Combine(fixture.Consumers, "Lib20", "bin", "Release", "netstandard2.0", "Lib20.dll");
        Assert.True(File.Exists(dll), dll + " was not built");

        using var stream = File.OpenRead(dll);
        using var pe = new System.Reflection.PortableExecutable.PEReader(stream);
        var metadata = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
        // Top-level types only: compiler-generated closure classes (<>c) nest in several types under the same name.
        var types = metadata.TypeDefinitions.Select(metadata.GetTypeDefinition)
            .Where(t => t.GetDeclaringType().IsNil)
            .ToDictionary(t => metadata.GetString(t.Namespace) + "." + metadata.GetString(t.Name), t => t.Attributes);

        // AuthingDocsGenNamespace and AuthingDocsGenAccessibility=internal reached the generator.
        Assert.True(types.TryGetValue(PackageFixture.ClientsNamespace + ".AuthenticationClient", out var client), string.Join(", ", types.Keys));
        Assert.Equal(System.Reflection.TypeAttributes.NotPublic, client & System.Reflection.TypeAttributes.VisibilityMask);
        Assert.Contains(PackageFixture.ClientsNamespace + ".Models.EnrollFactorDto", types.Keys);
        Assert.Contains("Lib20.Devices", types.Keys); // pages with await foreach over the generated companions

        // The buildTransitive polyfills, internal to the library.
        foreach (var polyfill in new[] { "System.Runtime.CompilerServices.RequiredMemberAttribute", "System.Runtime.CompilerServices.CompilerFeatureRequiredAttribute", "System.Runtime.CompilerServices.IsExternalInit", "System.Diagnostics.CodeAnalysis.SetsRequiredMembersAttribute" })
        {
            Assert.True(types.TryGetValue(polyfill, out var attributes), polyfill + " is missing");
            Assert.Equal(System.Reflection.TypeAttributes.NotPublic, attributes & System.Reflection.TypeAttributes.VisibilityMask);
        }

        // The apps target frameworks that have them: no polyfills there.
        using var appStream = File.OpenRead(fixture.AppDll("App8", "net8.0"));
        using var appPe = new System.Reflection.PortableExecutable.PEReader(appStream);
        var appMetadata = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(appPe);
        Assert.DoesNotContain(appMetadata.TypeDefinitions.Select(appMetadata.GetTypeDefinition), t => appMetadata.GetString(t.Name) == "RequiredMemberAttribute");
    }

    /// <summary>
    /// Issue 15, item 4. Pages named with spaces, <c>#</c>, <c>%</c>, <c>;</c>, <c>$</c>, <c>@</c>, <c>'</c>,
    /// non-ASCII or 200 characters reach the compiler through the targets' item transforms and each generates its
    /// method (the build above has no warning). A <c>"</c> cannot reach csc at all; that case is ADG028, tested without
    /// MSBuild in the CLI tests.
    /// </summary>
    [Fact]
    public void Pages_with_odd_file_names_build_and_each_generates_its_method()
    {
        Assert.True(fixture.Build?.ExitCode == 0, "the consumers did not build:\n" + fixture.Build?.All);
        using var stream = File.OpenRead(fixture.AppDll("App8", "net8.0"));
        using var pe = new System.Reflection.PortableExecutable.PEReader(stream);
        var metadata = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
        var methods = metadata.MethodDefinitions.Select(m => metadata.GetString(metadata.GetMethodDefinition(m).Name)).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < PackageFixture.OddPageNames.Length; i++)
        {
            Assert.True(methods.Contains($"EnrollFactor{i}Async"), $"No method from the page '{PackageFixture.OddPageNames[i]}.md'");
        }
    }
}

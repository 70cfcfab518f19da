using System.Diagnostics;
using System.IO.Compression;

namespace Authing.DocsGen.PackageTests;

/// <summary>
/// Packs Authing.DocsGen once into a temporary folder feed, writes three consumer projects next to it (outside the
/// repository) and builds them in one `dotnet build`. Everything lives under one temporary folder that is deleted at the
/// end, together with the package's unique version in the NuGet cache, so no stale copy can ever be picked up.
/// </summary>
public sealed class PackageFixture : IDisposable
{
    public static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(6);

    public const string ClientsNamespace = "Contoso.Identity";

    public PackageFixture()
    {
        Root = Path.Combine(Path.GetTempPath(), "adg-package-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Root);
        Version = "0.1.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture) + "." + Environment.ProcessId;
        var total = Stopwatch.StartNew();
        try
        {
            Pack = DotNet.Run(
                RepoPaths.Repository,
                StepTimeout,
                "pack",
                Path.Combine(RepoPaths.Repository, "generator", "Authing.DocsGen.Runtime", "Authing.DocsGen.Runtime.csproj"),
                "-c", "Release",
                "-o", Feed,
                "-nr:false",
                "-p:Version=" + Version,
                // Own bin/obj: the repository's (and other builds running in it) are never touched.
                "-p:UseArtifactsOutput=true",
                "-p:ArtifactsPath=" + Path.Combine(Root, "artifacts"));
            if (Pack.ExitCode != 0)
            {
                return;
            }

            WriteConsumers();
            Build = DotNet.Run(Consumers, StepTimeout, "build", "Consumers.slnx", "-c", "Release", "-nr:false", "-warnaserror", "-p:TreatWarningsAsErrors=true");
        }
        finally
        {
            SetUpTime = total.Elapsed;
        }
    }

    public string Root { get; }

    public string Version { get; }

    public string Feed => Path.Combine(Root, "feed");

    public string Consumers => Path.Combine(Root, "consumers");

    public ProcessResult Pack { get; }

    public ProcessResult? Build { get; }

    public TimeSpan SetUpTime { get; }

    public string PackagePath => Path.Combine(Feed, $"Authing.DocsGen.{Version}.nupkg");

    public string AppDll(string name, string framework) => Path.Combine(Consumers, name, "bin", "Release", framework, name + ".dll");

    public IReadOnlyList<string> PackageEntries()
    {
        using var zip = ZipFile.OpenRead(PackagePath);
        return zip.Entries.Select(e => e.FullName).OrderBy(n => n, StringComparer.Ordinal).ToList();
    }

    public void Dispose()
    {
        TryDelete(Root);
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var packageFolder = Path.Combine(cache, "authing.docsgen");
        TryDelete(Path.Combine(packageFolder, Version.ToLowerInvariant()));
        try
        {
            if (Directory.Exists(packageFolder) && !Directory.EnumerateFileSystemEntries(packageFolder).Any())
            {
                Directory.Delete(packageFolder);
            }
        }
        catch (IOException)
        {
            // Another run is adding its own version right now.
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>File names with characters MSBuild escapes (<c>;</c> <c>%</c> <c>$</c> <c>@</c>), that need quoting (space, <c>#</c>, <c>'</c>), non-ASCII, and very long.</summary>
    public static readonly string[] OddPageNames = ["with space", "hash#tag", "per%cent", "semi;colon", "dol$lar", "at@sign", "apos'trophe", "ünïcödé-名称", string.Concat(Enumerable.Repeat("long-name-", 20))];

    private void WriteConsumers()
    {
        Directory.CreateDirectory(Consumers);

        // Restore from the folder feed and nuget.org only, whatever the machine's NuGet configuration says.
        Write("nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="authing-docsgen-test-feed" value="{Feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);

        // Stop MSBuild looking further up for Directory.Build.* or central package management.
        Write("Directory.Build.props", "<Project />\n");
        Write("Directory.Build.targets", "<Project />\n");
        Write("Directory.Packages.props", "<Project />\n");

        // One docs page, as in docs-input but without its deliberate contradiction: the build must have zero warnings.
        var page = File.ReadAllText(Path.Combine(RepoPaths.DocsInput, "authentication", "mfa", "enroll-factor.md"))
            .Replace("`ManagementClient.enrollFactor`", "`AuthenticationClient.enrollFactor`", StringComparison.Ordinal);
        foreach (var project in new[] { "App10", "App8", "Lib20" })
        {
            Write(Path.Combine(project, "docs", "authentication", "mfa", "enroll-factor.md"), page);

            // Markdown that is not declared as AuthingDocs is never handed to the generator.
            Write(Path.Combine(project, "README.md"), "# Not an API page\n\nNothing to generate here.\n");
        }

        // Issue 15, item 4: pages whose file names MSBuild and csc must escape or quote build like any other.
        foreach (var (name, index) in OddPageNames.Select((n, i) => (n, i)))
        {
            Write(Path.Combine("App8", "docs", "authentication", "mfa", name + ".md"), page.Replace("enrollFactor`", "enrollFactor" + index + "`", StringComparison.Ordinal));
        }

        // Auto-pagination from netstandard2.0: IAsyncEnumerable<T> comes from Microsoft.Bcl.AsyncInterfaces through the package.
        Write(
            Path.Combine("Lib20", "docs", "authentication", "devices", "list-my-devices.md"),
            File.ReadAllText(Path.Combine(RepoPaths.Repository, "tests", "fixtures", "pages", "authentication", "devices", "list-my-devices.md")));

        Write("App10/App10.csproj", ConsoleProject("net10.0", string.Empty));
        Write("App10/Program.cs", ConsoleProgram);
        Write("App8/App8.csproj", ConsoleProject("net8.0", "<RollForward>LatestMajor</RollForward>"));
        Write("App8/Program.cs", ConsoleProgram);
        Write("Lib20/Lib20.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>netstandard2.0</TargetFramework>
                <LangVersion>11</LangVersion>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <AuthingDocsGenNamespace>{ClientsNamespace}</AuthingDocsGenNamespace>
                <AuthingDocsGenAccessibility>internal</AuthingDocsGenAccessibility>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Authing.DocsGen" Version="{Version}" />
                <AuthingDocs Include="docs/**/*.md" />
              </ItemGroup>
            </Project>
            """);
        Write("Lib20/Enrollment.cs", $$"""
            using System.Threading;
            using System.Threading.Tasks;
            using Authing.Sdk;
            using {{ClientsNamespace}};
            using {{ClientsNamespace}}.Models;

            namespace Lib20
            {
                /// <summary>Uses the generated client and its required/init models from netstandard2.0.</summary>
                public static class Enrollment
                {
                    public static async Task<int?> EnrollAsync(string host, CancellationToken cancellationToken)
                    {
                        var client = new AuthenticationClient(new AuthenticationClientOptions { AppId = "app-1", AppSecret = "secret", AppHost = host });
                        client.SetAccessToken("user-token");
                        EnrollFactorRespDto result = await client.EnrollFactorAsync(new EnrollFactorDto
                        {
                            EnrollmentToken = "token-1",
                            FactorType = EnrollFactorFactorType.Sms,
                            EnrollmentData = new EnrollFactorEnrollmentDataDto { PassCode = "123456" },
                        }, cancellationToken).ConfigureAwait(false);
                        return result.StatusCode;
                    }
                }
            }
            """);
        Write("Lib20/Devices.cs", $$"""
            using System.Threading;
            using System.Threading.Tasks;
            using {{ClientsNamespace}};
            using {{ClientsNamespace}}.Models;

            namespace Lib20
            {
                /// <summary>Uses the auto-pagination companions from netstandard2.0.</summary>
                public static class Devices
                {
                    public static async Task<int> CountAsync(string host, CancellationToken cancellationToken)
                    {
                        var client = new AuthenticationClient(new Authing.Sdk.AuthenticationClientOptions { AppId = "app-1", AppSecret = "secret", AppHost = host });
                        int count = 0;
                        await foreach (MyDeviceDto device in client.WithAccessToken("user-token").ListMyDevicesItemsAsync(new ListMyDevicesDto { Limit = 50 }, cancellationToken).ConfigureAwait(false))
                        {
                            count++;
                        }

                        await foreach (var page in client.ListMyDevicesPagesAsync(new ListMyDevicesDto(), null, cancellationToken).ConfigureAwait(false))
                        {
                            count += page.Items.Count;
                        }

                        return count;
                    }
                }
            }
            """);

        Write("Consumers.slnx", """
            <Solution>
              <Project Path="App10/App10.csproj" />
              <Project Path="App8/App8.csproj" />
              <Project Path="Lib20/Lib20.csproj" />
            </Solution>
            """);
    }

    private string ConsoleProject(string framework, string extra) => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>{framework}</TargetFramework>
            <ImplicitUsings>enable</ImplicitUsings>
            <Nullable>enable</Nullable>
            <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
            <UseAppHost>false</UseAppHost>
            {extra}
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="Authing.DocsGen" Version="{Version}" />
            <AuthingDocs Include="docs/**/*.md" />
          </ItemGroup>
        </Project>
        """;

    private const string ConsoleProgram = """
        using Authing.Sdk;
        using Authing.Sdk.Models;

        var client = new AuthenticationClient(new AuthenticationClientOptions
        {
            AppId = "app-1", AppSecret = "secret", AppHost = args[0],
        });
        client.SetAccessToken("user-token");
        EnrollFactorRespDto result = await client.EnrollFactorAsync(new EnrollFactorDto
        {
            EnrollmentToken = "token-1",
            FactorType = EnrollFactorFactorType.Sms,
            EnrollmentData = new EnrollFactorEnrollmentDataDto { PassCode = "123456" },
        });
        Console.WriteLine($"statusCode={result.StatusCode} message={result.Message} success={result.IsSuccess}");
        """;

    private void Write(string relativePath, string text)
    {
        var path = Path.Combine(Consumers, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}

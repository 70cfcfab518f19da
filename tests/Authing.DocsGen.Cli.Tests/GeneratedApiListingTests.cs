namespace Authing.DocsGen.Cli.Tests;

/// <summary>
/// generated/api.md is what `docsgen api docs-input` prints. A solution build (.ci/run) never rewrites it (only the
/// main job, `dotnet build generated`, does), so a docs change committed without regenerating fails here.
/// </summary>
public sealed class GeneratedApiListingTests
{
    private static string Committed => Path.Combine(Repo.Root, "generated", "api.md");

    [Fact]
    public void Committed_api_listing_matches_the_docs()
    {
        var fresh = Docsgen.Run("api", Repo.DocsInput);

        Assert.True(fresh.ExitCode == 0, fresh.Error);
        Assert.True(File.Exists(Committed), "generated/api.md is missing: run `dotnet build generated` and commit it");
        Assert.True(
            File.ReadAllText(Committed) == fresh.Output,
            "generated/api.md is stale: run `dotnet build generated` (or `docsgen api docs-input -o generated/api.md`) and commit it");
    }

    [Fact]
    public void The_listing_has_one_line_per_public_member_in_ordinal_order_with_endpoints()
    {
        var lines = ListingLines(Docsgen.Run("api", Repo.DocsInput).Output);

        Assert.Equal(lines.Order(StringComparer.Ordinal), lines);
        Assert.Equal(lines.Count, lines.Select(l => l.Split(" | ")[0]).Distinct().Count());
        Assert.Contains("Authing.Sdk.AuthenticationClient.EnrollFactorAsync(EnrollFactorDto, CancellationToken) | method | virtual Task<EnrollFactorRespDto> EnrollFactorAsync(EnrollFactorDto request, CancellationToken cancellationToken = default) | POST /api/v3/enroll-factor", lines);
        Assert.Contains("Authing.Sdk.Models.EnrollFactorDto.EnrollmentToken | property | required string { get; init; }", lines);
        Assert.Contains("Authing.Sdk.Models.EnrollFactorFactorType.Sms | enum value | static EnrollFactorFactorType { get; } = \"SMS\"", lines);
        // Private converter members and non-public types are not API.
        Assert.DoesNotContain(lines, l => l.StartsWith("Authing.Sdk.Models.EnrollFactorDtoJsonConverter.", StringComparison.Ordinal));
    }

    [Fact]
    public void Writing_the_listing_to_a_file_leaves_an_unchanged_file_alone()
    {
        using var temp = new TempFolder();
        var file = temp.Combine("api.md");
        Assert.Equal(0, Docsgen.Run("api", Repo.DocsInput, "-o", file).ExitCode);
        var stamp = DateTime.UtcNow.AddDays(-1);
        File.SetLastWriteTimeUtc(file, stamp);

        Assert.Equal(0, Docsgen.Run("api", Repo.DocsInput, "-o", file).ExitCode);
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(file));
        Assert.Equal(Docsgen.Run("api", Repo.DocsInput).Output, File.ReadAllText(file));
    }

    private static List<string> ListingLines(string listing) =>
        listing.Split('\n').SkipWhile(l => l != "```").Skip(1).TakeWhile(l => l != "```").ToList();
}

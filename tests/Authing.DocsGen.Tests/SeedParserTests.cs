using Authing.DocsGen.Model;
using Authing.DocsGen.Parsing;
using Authing.DocsGen.Tests.Infrastructure;

namespace Authing.DocsGen.Tests;

/// <summary>Every IR fact the seed page (enrollFactor) yields, locations included.</summary>
public sealed class SeedParserTests
{
    private const string SeedPath = "docs/authentication/mfa/enroll-factor.md";
    private static readonly string s_text = File.ReadAllText(Paths.SeedPage);
    private static readonly PageModel s_page = PageParser.Parse(SeedPath, s_text, PageOverrides.None);

    [Fact]
    public void Method_is_EnrollFactor_on_the_authentication_client_posting_to_the_file_slug()
    {
        var method = s_page.Method!;
        Assert.Equal("EnrollFactor", method.Name);
        Assert.Equal(FactSource.MethodNameSection, method.NameSource);
        Assert.Equal(ClientKind.Authentication, method.Client);
        Assert.Equal(FactSource.Folder, method.ClientSource);
        Assert.Equal(HttpVerb.Post, method.Verb);
        Assert.Equal(FactSource.ParameterKinds, method.VerbSource);
        Assert.Equal("/api/v3/enroll-factor", method.Route);
        Assert.Equal(FactSource.FileName, method.RouteSource);
        Assert.Equal("绑定 MFA 认证要素", method.Title);
        Assert.Equal("绑定 MFA 要素", method.Description);
        Assert.Equal("EnrollFactorDto", method.RequestDtoName);
        Assert.Equal("EnrollFactorRespDto", method.ResponseDtoName);
        Assert.Equal("authentication/mfa/enroll-factor.md", method.DocsPath);
    }

    [Fact]
    public void Request_dto_has_the_three_required_parameters_with_exact_wire_names_and_row_locations()
    {
        var request = s_page.Dtos.Single(d => d.Name == "EnrollFactorDto");
        Assert.Equal(DtoRole.Request, request.Role);
        Assert.Equal(new[] { "enrollmentData", "enrollmentToken", "factorType" }, request.Fields.Select(f => f.WireName));
        Assert.All(request.Fields, f => Assert.True(f.Required));
        Assert.Equal(TypeRef.Dto("EnrollFactorEnrollmentDataDto"), request.Fields[0].Type);
        Assert.Equal(TypeRef.String, request.Fields[1].Type);
        Assert.Equal(TypeRef.Enum("EnrollFactorFactorType"), request.Fields[2].Type);
        Assert.Equal("SMS", request.Fields[2].Example);
        Assert.StartsWith("TQoCISidM0kBji0dxRi3afSDtkvvMiUphenIgLF87y+JOw4T8fDWOsHHXIcvZ2EVESXhTrfGyh1iGf52Cg9e9by", request.Fields[1].Example);

        // Rows are on lines 22-24 (1-based) of the page; locations are 0-based.
        Assert.Equal(new[] { 21, 22, 23 }, request.Fields.Select(f => f.Location.StartLine));
        Assert.All(request.Fields, f => Assert.Equal(0, f.Location.StartColumn));
        Assert.Equal("| enrollmentData |", s_text.Substring(request.Fields[0].Location.Start, 18));
    }

    [Fact]
    public void Factor_type_becomes_an_open_enum_with_the_four_listed_values()
    {
        var factorType = Assert.Single(s_page.Enums);
        Assert.Equal("EnrollFactorFactorType", factorType.Name);
        Assert.Equal("MFA 认证要素类型", factorType.Description);
        Assert.Equal(
            new[] { ("OTP", "OTP"), ("SMS", "短信"), ("EMAIL", "邮件"), ("FACE", "人脸") },
            factorType.Members.Select(m => (m.Value, m.Description)));
        Assert.Equal(23, factorType.Location.StartLine);
    }

    [Fact]
    public void Response_and_nested_dtos_keep_their_wire_names()
    {
        var response = s_page.Dtos.Single(d => d.Name == "EnrollFactorRespDto");
        Assert.Equal(DtoRole.Response, response.Role);
        Assert.True(response.IsEnvelope);
        Assert.Equal(new[] { "statusCode", "message", "apiCode", "requestId" }, response.Fields.Select(f => f.WireName));
        Assert.Equal(new[] { TypeRef.Int64, TypeRef.String, TypeRef.Int64, TypeRef.String }, response.Fields.Select(f => f.Type));

        var nested = s_page.Dtos.Single(d => d.Name == "EnrollFactorEnrollmentDataDto");
        var passCode = Assert.Single(nested.Fields);
        Assert.Equal("passCode", passCode.WireName);
        Assert.False(passCode.Required);
        Assert.Equal("123456", passCode.Example);
        Assert.Equal(89, nested.Location.StartLine);
    }

    [Fact]
    public void Client_contradiction_is_a_warning_located_on_the_method_name_code_span()
    {
        var contradiction = Assert.Single(s_page.Diagnostics, d => d.Id == "ADG003");
        var location = contradiction.Location!;
        Assert.Equal(SeedPath, location.FilePath);
        Assert.Equal((15, 0), (location.StartLine, location.StartColumn));
        Assert.Equal("`ManagementClient.enrollFactor`", s_text.Substring(location.Start, location.Length));
        Assert.Equal(new[] { "ManagementClient", "sample code", "AuthenticationClient", "AuthenticationClient", "docs folder" }, contradiction.MessageArgs);
    }

    [Fact]
    public void Inferred_route_and_verb_are_reported_as_information()
    {
        Assert.Contains(s_page.Diagnostics, d => d.Id == "ADG005" && d.MessageArgs[0] == "/api/v3/enroll-factor");
        Assert.Contains(s_page.Diagnostics, d => d.Id == "ADG006" && d.MessageArgs[0] == "POST");
    }

    [Fact]
    public void Parsing_the_same_text_twice_gives_equal_models()
    {
        Assert.Equal(s_page, PageParser.Parse(SeedPath, s_text, PageOverrides.None));
    }
}

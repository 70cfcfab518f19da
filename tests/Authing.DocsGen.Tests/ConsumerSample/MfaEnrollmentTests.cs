using Authing.Sdk;
using Authing.Sdk.Models;
using Authing.Sdk.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Authing.DocsGen.Tests.ConsumerSample;

/// <summary>Application code a consumer would write on top of the generated SDK: it depends on the client's interface.</summary>
public sealed class MfaEnrollment(IAuthenticationClient authing)
{
    /// <summary>Binds an SMS factor; true when Authing accepted the code.</summary>
    public async Task<bool> EnrollSmsAsync(string enrollmentToken, string smsCode, CancellationToken cancellationToken = default)
    {
        var response = await authing.EnrollFactorAsync(
            new EnrollFactorDto
            {
                EnrollmentToken = enrollmentToken,
                FactorType = EnrollFactorFactorType.Sms,
                EnrollmentData = new EnrollFactorEnrollmentDataDto { PassCode = smsCode },
            },
            cancellationToken);
        return response.IsSuccess;
    }
}

/// <summary>
/// The consumer's unit tests of <see cref="MfaEnrollment"/>, written against the generated SDK (generated/, built from
/// docs-input/) and its offline test double: no network, no hand-written JSON. The README's "Offline test double" example.
/// </summary>
public sealed class MfaEnrollmentTests
{
    [Fact]
    public async Task Enrolling_succeeds_with_the_docs_example_answer_and_sends_what_the_docs_require()
    {
        var fake = new AuthingFake();
        var enrollment = new MfaEnrollment(fake.CreateAuthenticationClient());

        var enrolled = await enrollment.EnrollSmsAsync("enrollment-token", "123456");

        Assert.True(enrolled);
        var call = Assert.Single(fake.Authentication.EnrollFactorAsync.Calls);
        Assert.Equal("/api/v3/enroll-factor", call.Path);
        Assert.Equal("SMS", call.Body!["factorType"]!.GetValue<string>());
        Assert.Equal("123456", call.Body["enrollmentData"]!["passCode"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_wrong_code_reported_inside_http_200_is_a_failed_enrollment()
    {
        var fake = new AuthingFake();
        fake.Authentication.EnrollFactorAsync.Returns(new EnrollFactorRespDto { StatusCode = 400, ApiCode = 1620, Message = "验证码错误" });
        var enrollment = new MfaEnrollment(fake.CreateAuthenticationClient());

        Assert.False(await enrollment.EnrollSmsAsync("enrollment-token", "000000"));
    }

    [Fact]
    public async Task An_expired_token_surfaces_as_the_sdk_typed_exception()
    {
        var fake = new AuthingFake();
        fake.Authentication.EnrollFactorAsync.Throws(statusCode: 403, apiCode: 1630, message: "enrollmentToken 已过期");
        var enrollment = new MfaEnrollment(fake.CreateAuthenticationClient());

        var error = await Assert.ThrowsAsync<AuthingApiException>(() => enrollment.EnrollSmsAsync("expired", "123456"));

        Assert.Equal(1630, error.ApiCode);
        Assert.Equal("enrollmentToken 已过期", error.ServerMessage);
    }

    [Fact]
    public async Task A_missing_required_field_fails_the_test_naming_the_field_and_the_docs_page()
    {
        var fake = new AuthingFake();
        var enrollment = new MfaEnrollment(fake.CreateAuthenticationClient());

        // A bug in the code under test: a token that was never read.
        var failure = await Assert.ThrowsAsync<AuthingFakeRequestException>(() => enrollment.EnrollSmsAsync(null!, "123456"));

        Assert.Contains("AuthenticationClient.EnrollFactorAsync", failure.Message, StringComparison.Ordinal);
        Assert.Contains("authentication/mfa/enroll-factor.md", failure.Message, StringComparison.Ordinal);
        Assert.Contains("the required body field 'enrollmentToken' is missing", failure.Problems);
    }

    [Fact]
    public async Task The_fake_plugs_in_as_the_primary_handler_of_the_dependency_injection_registration()
    {
        var fake = new AuthingFake();
        var services = new ServiceCollection();
        services.AddAuthingAuthenticationClient(options =>
            {
                options.AppId = "my-app";
                options.AppSecret = "my-secret";
                options.AppHost = "https://my-pool.authing.cn";
                options.Retry.MaxRetries = 0;
            })
            .ConfigurePrimaryHttpMessageHandler(() => fake);
        services.AddTransient<MfaEnrollment>();
        using var provider = services.BuildServiceProvider();

        var enrolled = await provider.GetRequiredService<MfaEnrollment>().EnrollSmsAsync("enrollment-token", "123456");

        Assert.True(enrolled);
        Assert.Equal("my-app", Assert.Single(fake.Calls).Headers["x-authing-app-id"]);
        fake.VerifyNoFailures();
    }
}

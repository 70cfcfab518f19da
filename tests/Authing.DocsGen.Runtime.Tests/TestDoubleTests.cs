using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using Authing.Sdk;
using Authing.Sdk.Runtime;
using Authing.Sdk.Testing;

namespace Authing.DocsGen.Runtime.Tests;

/// <summary>The offline test double (AuthingFakeHandler) with hand-written method metadata, as generated code attaches it.</summary>
public sealed class TestDoubleTests
{
    private static readonly AuthingOperation CreateWidget = new(
        "Management",
        "CreateWidget",
        "POST",
        "/api/v3/create-widget",
        "management/widgets/create-widget.md",
        new[]
        {
            new AuthingOperationField("name", AuthingJsonKind.String, true, AuthingFieldLocation.Body),
            new AuthingOperationField("size", AuthingJsonKind.Number, false, AuthingFieldLocation.Body),
            new AuthingOperationField("tags", AuthingJsonKind.Array, false, AuthingFieldLocation.Body),
        },
        "{\n  \"statusCode\": 200,\n  \"message\": \"操作成功\",\n  \"data\": \"from-the-docs\", // a comment\n}");

    private static readonly AuthingOperation GetWidget = new(
        "Management",
        "GetWidget",
        "GET",
        "/api/v3/widgets/{widgetId}",
        "management/widgets/get-widget.md",
        new[]
        {
            new AuthingOperationField("widgetId", AuthingJsonKind.String, true, AuthingFieldLocation.Path),
            new AuthingOperationField("withDetail", AuthingJsonKind.Boolean, true, AuthingFieldLocation.Query),
            new AuthingOperationField("limit", AuthingJsonKind.Number, false, AuthingFieldLocation.Query),
        },
        null);

    private static readonly AuthingOperation SendCode = new(
        "Authentication",
        "SendCode",
        "POST",
        "/api/v3/send-code",
        "authentication/send-code.md",
        new[] { new AuthingOperationField("phone", AuthingJsonKind.String, true, AuthingFieldLocation.Body) },
        "[\"not an object\"]");

    private static ManagementTransport Management(AuthingFakeHandler fake, Action<ManagementClientOptions>? configure = null)
    {
        ManagementClientOptions options = AuthingFakeHandler.CreateManagementOptions();
        configure?.Invoke(options);
        return new ManagementTransport(fake.CreateHttpClient(), options);
    }

    private static AuthingRequest CreateWidgetCall(string body)
    {
        var call = new AuthingRequest(HttpMethod.Post, "/api/v3/create-widget") { Operation = CreateWidget };
        call.SetJsonBody(body, RawJsonConverter.Instance);
        return call;
    }

    private static AuthingRequest GetWidgetCall(string widgetId, bool? withDetail, long? limit = null)
    {
        var call = new AuthingRequest(HttpMethod.Get, "/api/v3/widgets/{widgetId}") { Operation = GetWidget };
        call.SetPathParameter("widgetId", widgetId);
        call.AddQuery("withDetail", withDetail);
        call.AddQuery("limit", limit);
        return call;
    }

    [Fact]
    public async Task ByDefaultAMethodAnswersWithItsDocsExampleDecodedIntoTheTypedResponse()
    {
        var fake = new AuthingFakeHandler();
        using ManagementTransport transport = Management(fake);

        TestResponse response = await transport.SendAsync(CreateWidgetCall("{\"name\":\"w\"}"), WidgetResponseConverter.Instance, CancellationToken.None);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("操作成功", response.Message);
        Assert.Equal("from-the-docs", response.Data);
        Assert.Empty(fake.Failures);
    }

    [Fact]
    public async Task AMethodWithoutAnExampleOrWithOneThatIsNotAnObjectAnswersAMinimalEnvelope()
    {
        var fake = new AuthingFakeHandler();
        using ManagementTransport management = Management(fake);
        using var authentication = new AuthenticationTransport(fake.CreateHttpClient(), AuthingFakeHandler.CreateAuthenticationOptions());
        var sendCode = new AuthingRequest(HttpMethod.Post, "/api/v3/send-code") { Operation = SendCode };
        sendCode.SetJsonBody("{\"phone\":\"+86 188\"}", RawJsonConverter.Instance);

        TestResponse noExample = await management.SendAsync(GetWidgetCall("w-1", true), WidgetResponseConverter.Instance, CancellationToken.None);
        TestResponse notAnObject = await authentication.SendAsync(sendCode, WidgetResponseConverter.Instance, CancellationToken.None);

        Assert.Equal(200, noExample.StatusCode);
        Assert.Null(noExample.Data);
        Assert.Contains("management/widgets/get-widget.md has no usable response example", noExample.Message, StringComparison.Ordinal);
        Assert.Equal(200, notAnObject.StatusCode);
        Assert.Contains("authentication/send-code.md", notAnObject.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARegisteredTypedResponseIsReturnedWithStatusCode200FilledIn()
    {
        var fake = new AuthingFakeHandler();
        new AuthingFakeMethod<TestResponse>(fake, CreateWidget, WidgetResponseConverter.Instance).Returns(new TestResponse { Data = "registered" });
        using ManagementTransport transport = Management(fake);

        TestResponse response = await transport.SendAsync(CreateWidgetCall("{\"name\":\"w\"}"), WidgetResponseConverter.Instance, CancellationToken.None);

        Assert.Equal("registered", response.Data);
        Assert.Equal(200, response.StatusCode);
        Assert.True(response.IsSuccess);
    }

    [Fact]
    public async Task AResponseBuiltFromTheCallSeesTheRequestBodyAsJson()
    {
        var fake = new AuthingFakeHandler();
        new AuthingFakeMethod<TestResponse>(fake, CreateWidget, WidgetResponseConverter.Instance)
            .Returns(call => new TestResponse { StatusCode = 200, Data = "id-of-" + call.Body!["name"]!.GetValue<string>() });
        using ManagementTransport transport = Management(fake);

        TestResponse response = await transport.SendAsync(CreateWidgetCall("{\"name\":\"blue\"}"), WidgetResponseConverter.Instance, CancellationToken.None);

        Assert.Equal("id-of-blue", response.Data);
    }

    [Fact]
    public async Task ARegisteredErrorMakesTheClientThrowTheTypedExceptionWithItsCodes()
    {
        var fake = new AuthingFakeHandler();
        new AuthingFakeMethod<TestResponse>(fake, CreateWidget, WidgetResponseConverter.Instance).Throws(403, apiCode: 2004, message: "无权限");
        using ManagementTransport transport = Management(fake);

        var error = await Assert.ThrowsAsync<AuthingApiException>(
            () => transport.SendAsync(CreateWidgetCall("{\"name\":\"w\"}"), WidgetResponseConverter.Instance, CancellationToken.None));

        Assert.Equal(AuthingErrorKind.HttpError, error.Kind);
        Assert.Equal(403, error.HttpStatusCode);
        Assert.Equal(403, error.StatusCode);
        Assert.Equal(2004, error.ApiCode);
        Assert.Equal("无权限", error.ServerMessage);
        Assert.Equal("fake-request-id", error.RequestId);
    }

    [Fact]
    public async Task RawJsonAndErrorsCanBeRegisteredByTheDocsMethodName()
    {
        var fake = new AuthingFakeHandler();
        fake.RespondJson("Management.getWidget", "{\"statusCode\":200,\"message\":\"raw\",\"data\":\"raw-data\"}");
        fake.RespondError("createWidgetAsync", 500, apiCode: 1, message: "boom");
        using ManagementTransport transport = Management(fake);

        TestResponse raw = await transport.SendAsync(GetWidgetCall("w-1", false), WidgetResponseConverter.Instance, CancellationToken.None);
        var error = await Assert.ThrowsAsync<AuthingApiException>(
            () => transport.SendAsync(CreateWidgetCall("{\"name\":\"w\"}"), WidgetResponseConverter.Instance, CancellationToken.None));

        Assert.Equal("raw-data", raw.Data);
        Assert.Equal(500, error.HttpStatusCode);
        Assert.Equal("boom", error.ServerMessage);
        Assert.Single(fake.CallsTo("CreateWidget"));
    }

    [Fact]
    public async Task AMissingRequiredBodyFieldFailsLoudlyNamingTheMethodTheFieldAndThePage()
    {
        var fake = new AuthingFakeHandler();
        using ManagementTransport transport = Management(fake);

        var failure = await Assert.ThrowsAsync<AuthingFakeRequestException>(
            () => transport.SendAsync(CreateWidgetCall("{\"size\":3}"), WidgetResponseConverter.Instance, CancellationToken.None));

        Assert.Contains("ManagementClient.CreateWidgetAsync", failure.Message, StringComparison.Ordinal);
        Assert.Contains("management/widgets/create-widget.md", failure.Message, StringComparison.Ordinal);
        Assert.Equal("the required body field 'name' is missing", Assert.Single(failure.Problems));
        Assert.Equal(failure.Message, Assert.Single(fake.Failures));
    }

    [Fact]
    public async Task AFieldOfTheWrongJsonTypeFailsNamingTheFieldAndBothKinds()
    {
        var fake = new AuthingFakeHandler();
        using ManagementTransport transport = Management(fake);

        var failure = await Assert.ThrowsAsync<AuthingFakeRequestException>(
            () => transport.SendAsync(CreateWidgetCall("{\"name\":7,\"size\":\"big\",\"tags\":{}}"), WidgetResponseConverter.Instance, CancellationToken.None));

        Assert.Equal(
            new[]
            {
                "the body field 'name' is a number, the docs say a string",
                "the body field 'size' is a string, the docs say a number",
                "the body field 'tags' is an object, the docs say an array",
            },
            failure.Problems);
    }

    [Fact]
    public async Task QueryParametersAreCheckedForPresenceAndKind()
    {
        var fake = new AuthingFakeHandler();
        using ManagementTransport transport = Management(fake);
        var wrongKind = new AuthingRequest(HttpMethod.Get, "/api/v3/widgets/{widgetId}") { Operation = GetWidget };
        wrongKind.SetPathParameter("widgetId", "w-1");
        wrongKind.AddQuery("withDetail", "yes");
        wrongKind.AddQuery("limit", "ten");

        var missing = await Assert.ThrowsAsync<AuthingFakeRequestException>(
            () => transport.SendAsync(GetWidgetCall("w-1", null), WidgetResponseConverter.Instance, CancellationToken.None));
        var wrong = await Assert.ThrowsAsync<AuthingFakeRequestException>(
            () => transport.SendAsync(wrongKind, WidgetResponseConverter.Instance, CancellationToken.None));

        Assert.Equal("the required query parameter 'withDetail' is missing", Assert.Single(missing.Problems));
        Assert.Equal(
            new[]
            {
                "the query parameter 'withDetail' is 'yes', the docs say a boolean",
                "the query parameter 'limit' is 'ten', the docs say a number",
            },
            wrong.Problems);
    }

    [Fact]
    public async Task AVerbOrRouteOtherThanTheDocsOnesFails()
    {
        var fake = new AuthingFakeHandler();
        using ManagementTransport transport = Management(fake);
        var call = new AuthingRequest(HttpMethod.Put, "/api/v3/create-widgets") { Operation = CreateWidget };
        call.SetJsonBody("{\"name\":\"w\"}", RawJsonConverter.Instance);

        var failure = await Assert.ThrowsAsync<AuthingFakeRequestException>(
            () => transport.SendAsync(call, WidgetResponseConverter.Instance, CancellationToken.None));

        Assert.Equal(
            new[] { "the verb is PUT, the docs say POST", "the path is /api/v3/create-widgets, the route is /api/v3/create-widget" },
            failure.Problems);
    }

    [Fact]
    public async Task ARequestNoGeneratedMethodBuiltFails()
    {
        var fake = new AuthingFakeHandler();
        using HttpClient http = fake.CreateHttpClient();

        var failure = await Assert.ThrowsAsync<AuthingFakeRequestException>(() => http.GetAsync("/api/v3/unknown"));

        Assert.Contains("GET /api/v3/unknown, which no generated method sends", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallsAreRecordedWithMethodRouteVerbHeadersBodyAndQuery()
    {
        var fake = new AuthingFakeHandler();
        using ManagementTransport transport = Management(fake);

        await transport.SendAsync(CreateWidgetCall("{\"name\":\"w\",\"tags\":[\"a\"]}"), WidgetResponseConverter.Instance, CancellationToken.None);
        await transport.SendAsync(GetWidgetCall("w 1", true, 20), WidgetResponseConverter.Instance, CancellationToken.None);

        Assert.Equal(2, fake.Calls.Count);
        AuthingFakeCall post = fake.Calls[0];
        Assert.Equal(("Management", "CreateWidget", "POST", "/api/v3/create-widget"), (post.Client, post.Method, post.Verb, post.Route));
        Assert.Equal("w", post.Body!["name"]!.GetValue<string>());
        Assert.Equal("a", post.Body["tags"]![0]!.GetValue<string>());
        Assert.StartsWith("authing fake-access-key-id:", post.Headers["authorization"], StringComparison.Ordinal);
        Assert.Empty(post.Problems);

        AuthingFakeCall get = Assert.Single(fake.CallsTo("Management.GetWidgetAsync"));
        Assert.Equal("/api/v3/widgets/w%201", get.Path);
        Assert.Equal("true", Assert.Single(get.Query["withDetail"]));
        Assert.Equal("20", Assert.Single(get.Query["limit"]));
        Assert.Null(get.Body);
    }

    [Fact]
    public async Task SignatureHeadersOfAnotherShapeAreRejected()
    {
        var fake = new AuthingFakeHandler();
        var tamper = new HeaderTamperer(fake, message =>
        {
            message.Headers.Remove("x-authing-signature-nonce");
            message.Headers.TryAddWithoutValidation("x-authing-signature-nonce", "NOT-HEX");
            message.Headers.Remove("date");
            message.Headers.TryAddWithoutValidation("date", "yesterday");
        });
        using var transport = new ManagementTransport(new HttpClient(tamper), AuthingFakeHandler.CreateManagementOptions());

        var failure = await Assert.ThrowsAsync<AuthingFakeRequestException>(
            () => transport.SendAsync(CreateWidgetCall("{\"name\":\"w\"}"), WidgetResponseConverter.Instance, CancellationToken.None));

        Assert.Contains(failure.Problems, p => p.StartsWith("the header 'x-authing-signature-nonce' is 'NOT-HEX'", StringComparison.Ordinal));
        Assert.Contains(failure.Problems, p => p.StartsWith("the header 'date' is 'yesterday'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheSignatureIsRecomputedWithTheConfiguredSecret()
    {
        var fake = new AuthingFakeHandler();
        using ManagementTransport signedElsewhere = Management(fake, o => o.AccessKeySecret = "another-secret");
        using ManagementTransport signedRight = Management(fake);

        var failure = await Assert.ThrowsAsync<AuthingFakeRequestException>(
            () => signedElsewhere.SendAsync(CreateWidgetCall("{\"name\":\"w\",\"size\":1.5}"), WidgetResponseConverter.Instance, CancellationToken.None));
        await signedRight.SendAsync(CreateWidgetCall("{\"name\":\"w\",\"size\":1.5}"), WidgetResponseConverter.Instance, CancellationToken.None);
        await signedRight.SendAsync(GetWidgetCall("w-1", true, 3), WidgetResponseConverter.Instance, CancellationToken.None);
        fake.AccessKeySecret = null;
        await signedElsewhere.SendAsync(CreateWidgetCall("{\"name\":\"w\"}"), WidgetResponseConverter.Instance, CancellationToken.None);

        Assert.Contains("does not match the request signed with the fake's AccessKeySecret", Assert.Single(failure.Problems), StringComparison.Ordinal);
        Assert.Equal(4, fake.Calls.Count);
    }

    [Fact]
    public async Task AFailureCaughtByTheCodeUnderTestStillFailsVerification()
    {
        var fake = new AuthingFakeHandler();
        using ManagementTransport transport = Management(fake);
        try
        {
            await transport.SendAsync(CreateWidgetCall("{}"), WidgetResponseConverter.Instance, CancellationToken.None);
        }
        catch (Exception)
        {
            // Code under test that swallows everything.
        }

        var failure = Assert.Throws<AuthingFakeRequestException>(fake.VerifyNoFailures);
        Assert.Contains("'name' is missing", failure.Message, StringComparison.Ordinal);
    }

    /// <summary>Changes a message on its way to the fake, as a broken pipeline would.</summary>
    private sealed class HeaderTamperer(HttpMessageHandler inner, Action<HttpRequestMessage> change) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            change(request);
            return base.SendAsync(request, cancellationToken);
        }
    }

    /// <summary>Reads like <see cref="TestResponseConverter"/> and writes the envelope and <c>data</c>.</summary>
    private sealed class WidgetResponseConverter : JsonConverter<TestResponse>
    {
        public static readonly WidgetResponseConverter Instance = new();

        public override TestResponse Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            TestResponseConverter.Instance.Read(ref reader, typeToConvert, options);

        public override void Write(Utf8JsonWriter writer, TestResponse value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            AuthingEnvelopeReader.Write(writer, value);
            if (value.Data is { } data)
            {
                writer.WriteString("data", data);
            }

            writer.WriteEndObject();
        }
    }
}

using System.Text;
using Authing.Sdk.Runtime;

namespace Authing.DocsGen.Runtime.Tests;

public sealed class AuthingRequestTests
{
    [Fact]
    public void NullQueryValuesAreOmittedFromWireAndSigning()
    {
        var request = new AuthingRequest(HttpMethod.Get, "/api/v3/list-users");
        request.AddQuery("a", (string?)null);
        request.AddQuery("b", (long?)null);
        request.AddQuery("c", (int?)null);
        request.AddQuery("d", (double?)null);
        request.AddQuery("e", (bool?)null);
        request.AddQuery("f", (IEnumerable<string>?)null);
        request.AddQuery("g", (IEnumerable<long>?)null);
        request.AddQuery("h", (TestStatus?)null);
        request.AddQuery("page", 1);
        request.AddQuery("limit", 10L);

        Assert.Equal("page=1&limit=10", request.QueryString);
        Assert.Equal("/api/v3/list-users?page=1&limit=10", request.PathAndQuery);
        Assert.Equal([new("page", "1"), new("limit", "10")], request.SigningPairs);
    }

    [Fact]
    public void QueryValuesArePercentEncodedAsAxiosDoes()
    {
        var request = new AuthingRequest(HttpMethod.Get, "/q");
        request.AddQuery("s", "a b&c=d+e/f?g#h:i,j$k[l]m'n(o)*!~_.-");
        request.AddQuery("zh", "张三 😀");
        request.AddQuery("pct", "100%");

        Assert.Equal(
            "s=a+b%26c%3Dd%2Be%2Ff%3Fg%23h:i,j$k[l]m'n(o)*!~_.-" +
            "&zh=%E5%BC%A0%E4%B8%89+%F0%9F%98%80" +
            "&pct=100%25",
            request.QueryString);
        Assert.Equal(
            [new("s", "a b&c=d+e/f?g#h:i,j$k[l]m'n(o)*!~_.-"), new("zh", "张三 😀"), new("pct", "100%")],
            request.SigningPairs);
    }

    [Fact]
    public void ArraysAreRepeatedWithBracketsAndSignedAsCompactJson()
    {
        var request = new AuthingRequest(HttpMethod.Get, "/api/v3/get-user-batch");
        request.AddQuery("userIds", ["u1", "u 2", "引\"号"]);
        request.AddQuery("ids", new long[] { 1, 22 });
        request.AddQuery("status", [TestStatus.Suspended, TestStatus.Activated]);
        request.AddQuery("empty", Array.Empty<string>());

        Assert.Equal(
            "userIds[]=u1&userIds[]=u+2&userIds[]=%E5%BC%95%22%E5%8F%B7&ids[]=1&ids[]=22" +
            "&status[]=Suspended&status[]=Activated",
            request.QueryString);
        Assert.Equal(
            [
                new("userIds", "[\"u1\",\"u 2\",\"引\\\"号\"]"),
                new("ids", "[1,22]"),
                new("status", "[\"Suspended\",\"Activated\"]"),
                new("empty", "[]"),
            ],
            request.SigningPairs);
    }

    [Fact]
    public void ScalarsArePrintedAsJavaScriptPrintsThem()
    {
        var request = new AuthingRequest(HttpMethod.Get, "/q");
        request.AddQuery("t", true);
        request.AddQuery("f", false);
        request.AddQuery("neg", -42L);
        request.AddQuery("half", 0.5);
        request.AddQuery("whole", 3.0);
        request.AddQuery("tiny", 1e-7);
        request.AddQuery("small", 0.000001);
        request.AddQuery("big", 1e21);
        request.AddQuery("notQuiteBig", 1e20);
        request.AddQuery("fifteen", 1e15);
        request.AddQuery("third", 1.0 / 3);
        request.AddQuery("enum", (TestStatus?)TestStatus.Suspended);

        Assert.Equal(
            [
                new("t", "true"), new("f", "false"), new("neg", "-42"), new("half", "0.5"), new("whole", "3"),
                new("tiny", "1e-7"), new("small", "0.000001"), new("big", "1e+21"),
                new("notQuiteBig", "100000000000000000000"), new("fifteen", "1000000000000000"),
                new("third", "0.3333333333333333"), new("enum", "Suspended"),
            ],
            request.SigningPairs);
        Assert.Contains("big=1e%2B21", request.QueryString);
    }

    [Fact]
    public void PathPlaceholdersAreSubstitutedAndEscaped()
    {
        var request = new AuthingRequest(HttpMethod.Delete, "/api/v3/ip-list/{id}/items/{item}");
        request.SetPathParameter("id", "a b/c?d");
        request.SetPathParameter("item", "张");

        Assert.Equal("/api/v3/ip-list/a%20b%2Fc%3Fd/items/%E5%BC%A0", request.Path);
        Assert.Equal("/api/v3/ip-list/{id}/items/{item}", request.PathTemplate);
    }

    [Fact]
    public void UnsetPlaceholderFailsLoudlyInsteadOfSendingBraces()
    {
        var request = new AuthingRequest(HttpMethod.Delete, "/api/v3/ip-list/{id}");

        var ex = Assert.Throws<InvalidOperationException>(() => request.Path);
        Assert.Equal("The path parameter 'id' of DELETE /api/v3/ip-list/{id} has not been set.", ex.Message);
        Assert.Throws<ArgumentException>(() => request.SetPathParameter("nope", "x"));
    }

    [Fact]
    public void DuplicateQueryNameIsRejected()
    {
        var request = new AuthingRequest(HttpMethod.Get, "/q");
        request.AddQuery("a", "1");

        Assert.Throws<ArgumentException>(() => request.AddQuery("a", "2"));
    }

    [Fact]
    public void JsonBodyKeepsNonAsciiTextUnescapedLikeJsonStringify()
    {
        var request = new AuthingRequest(HttpMethod.Post, "/api/v3/create-user");
        request.SetJsonBody(
            new CreateUserDto { Email = "<张三>&'@b.c", Nickname = "😀\"\n" },
            CreateUserDtoConverter.Instance);

        string json = Encoding.UTF8.GetString(request.Body.Span);

        // Non-ASCII and HTML-sensitive characters stay as they are; quotes and control characters are escaped.
        Assert.Contains("\"email\":\"<张三>&'@b.c\"", json);
        Assert.StartsWith("{\"email\":", json);
        Assert.True(request.HasBody);
        Assert.Equal(new KeyValuePair<string, string>("email", "<张三>&'@b.c"), request.SigningPairs[0]);
        Assert.Equal(new KeyValuePair<string, string>("profile", "{\"nickname\":\"😀\\\"\\n\"}"), request.SigningPairs[1]);
    }

    [Fact]
    public void NonGetRequestsSignTheBodyNotTheQuery()
    {
        var request = new AuthingRequest(HttpMethod.Delete, "/api/v3/delete-auth");
        request.AddQuery("id", "q1");

        Assert.Empty(request.SigningPairs);
        Assert.Equal("/api/v3/delete-auth?id=q1", request.PathAndQuery);

        request.SetJsonBody("{\"b\":1}", RawJsonConverter.Instance);
        Assert.Equal([new("b", "1")], request.SigningPairs);
    }

    [Fact]
    public void BodySigningPairsFollowJsonStringifyForNestedValuesAndNumbers()
    {
        var request = new AuthingRequest(HttpMethod.Put, "/p");
        request.SetJsonBody(
            "{\"s\":\"a\\u00e9\\n\",\"n\":1E+21,\"d\":1.50,\"big\":12345678901234567890,\"z\":null," +
            "\"o\":{\"b\":1,\"2\":2,\"a\":[1.0,\"x\",false,null,{}],\"1\":\"\\u2028\"}}",
            RawJsonConverter.Instance);

        Assert.Equal(
            [
                new("s", "aé\n"),
                new("n", "1e+21"),
                new("d", "1.5"),
                new("big", "12345678901234567000"),
                new("z", "null"),
                new("o", "{\"1\":\"\u2028\",\"2\":2,\"b\":1,\"a\":[1,\"x\",false,null,{}]}"),
            ],
            request.SigningPairs);
    }

    [Fact]
    public void BodyThatIsNotAnObjectHasNoSigningPairs()
    {
        var request = new AuthingRequest(HttpMethod.Post, "/p");
        request.SetJsonBody("[1,2]", RawJsonConverter.Instance);

        Assert.Empty(request.SigningPairs);
        Assert.Equal("[1,2]", Encoding.UTF8.GetString(request.Body.Span));
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using Authing.Sdk.Runtime;

namespace Authing.Sdk.Testing;

/// <summary>
/// Checks a request against its method's docs tables (route, verb, required fields, JSON kinds) and, for the management
/// client, the signature headers of WIRE.md §2.2–2.3. Each problem is one sentence naming the field.
/// </summary>
internal static class FakeRequestValidator
{
    public static List<string> Check(
        AuthingOperation operation,
        string verb,
        Uri uri,
        IReadOnlyDictionary<string, string> headers,
        IReadOnlyDictionary<string, IReadOnlyList<string>> query,
        byte[]? body,
        AuthingRequest? sdkRequest,
        string? accessKeyId,
        string? accessKeySecret)
    {
        var problems = new List<string>();
        if (!string.Equals(verb, operation.Verb, StringComparison.Ordinal))
        {
            problems.Add($"the verb is {verb}, the docs say {operation.Verb}");
        }

        CheckRoute(operation, uri, problems);
        if (operation.Verb == "GET")
        {
            CheckQuery(operation, query, problems);
        }
        else
        {
            CheckBody(operation, body, problems);
        }

        if (operation.Client == "Management")
        {
            CheckSignature(verb, headers, body, sdkRequest, accessKeyId, accessKeySecret, problems);
        }
        else if (!headers.TryGetValue("x-authing-app-id", out string? appId) || appId.Length == 0)
        {
            problems.Add("the header 'x-authing-app-id' is missing (WIRE.md §3.2)");
        }

        return problems;
    }

    /// <summary>The route's segments against the path's last segments: literals equal, placeholders non-empty.</summary>
    private static void CheckRoute(AuthingOperation operation, Uri uri, List<string> problems)
    {
        string[] route = operation.Route.Split('/');
        string[] path = uri.AbsolutePath.Split('/');
        bool matches = path.Length >= route.Length;
        for (int i = 0; matches && i < route.Length; i++)
        {
            string expected = route[i];
            string actual = path[path.Length - route.Length + i];
            bool placeholder = expected.Length > 2 && expected[0] == '{' && expected[expected.Length - 1] == '}';
            matches = placeholder ? actual.Length > 0 : string.Equals(expected, actual, StringComparison.Ordinal);
        }

        if (!matches)
        {
            problems.Add($"the path is {uri.AbsolutePath}, the route is {operation.Route}");
        }
    }

    private static void CheckQuery(AuthingOperation operation, IReadOnlyDictionary<string, IReadOnlyList<string>> query, List<string> problems)
    {
        foreach (AuthingOperationField field in operation.Fields)
        {
            if (field.Location != AuthingFieldLocation.Query)
            {
                continue;
            }

            if (!query.TryGetValue(field.Name, out IReadOnlyList<string>? values) || values.Count == 0)
            {
                if (field.Required)
                {
                    problems.Add($"the required query parameter '{field.Name}' is missing");
                }

                continue;
            }

            string value = values[0];
            bool fits = field.Kind switch
            {
                AuthingJsonKind.Number => values.Count == 1 && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _),
                AuthingJsonKind.Boolean => values.Count == 1 && value is "true" or "false",
                AuthingJsonKind.Object => values.Count == 1 && JsonKindOf(value) == JsonValueKind.Object,
                AuthingJsonKind.String or AuthingJsonKind.Enum => values.Count == 1,
                _ => true,
            };
            if (!fits)
            {
                problems.Add($"the query parameter '{field.Name}' is '{Shorten(string.Join(",", values))}', the docs say {KindText(field.Kind)}");
            }
        }
    }

    private static void CheckBody(AuthingOperation operation, byte[]? body, List<string> problems)
    {
        bool hasBodyFields = false;
        foreach (AuthingOperationField field in operation.Fields)
        {
            hasBodyFields |= field.Location == AuthingFieldLocation.Body;
        }

        if (!hasBodyFields)
        {
            return;
        }

        if (body is null || body.Length == 0)
        {
            foreach (AuthingOperationField field in operation.Fields)
            {
                if (field.Location == AuthingFieldLocation.Body && field.Required)
                {
                    problems.Add($"the required body field '{field.Name}' is missing (the request has no body)");
                }
            }

            return;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            problems.Add("the body is not JSON: " + ex.Message);
            return;
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problems.Add($"the body is {ArticleOf(root.ValueKind)}, the docs say an object");
                return;
            }

            foreach (AuthingOperationField field in operation.Fields)
            {
                if (field.Location != AuthingFieldLocation.Body)
                {
                    continue;
                }

                if (!root.TryGetProperty(field.Name, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
                {
                    if (field.Required)
                    {
                        problems.Add($"the required body field '{field.Name}' is missing");
                    }

                    continue;
                }

                if (!Fits(value.ValueKind, field.Kind))
                {
                    problems.Add($"the body field '{field.Name}' is {ArticleOf(value.ValueKind)}, the docs say {KindText(field.Kind)}");
                }
            }
        }
    }

    private static bool Fits(JsonValueKind value, AuthingJsonKind kind) => kind switch
    {
        AuthingJsonKind.String => value == JsonValueKind.String,
        AuthingJsonKind.Number => value == JsonValueKind.Number,
        AuthingJsonKind.Boolean => value is JsonValueKind.True or JsonValueKind.False,
        AuthingJsonKind.Array => value == JsonValueKind.Array,
        AuthingJsonKind.Object => value == JsonValueKind.Object,
        AuthingJsonKind.Enum => value is JsonValueKind.String or JsonValueKind.Number,
        _ => true,
    };

    /// <summary>The headers WIRE.md §2.2 lists, their shapes, and the signature itself when the secret is known.</summary>
    private static void CheckSignature(
        string verb,
        IReadOnlyDictionary<string, string> headers,
        byte[]? body,
        AuthingRequest? sdkRequest,
        string? accessKeyId,
        string? accessKeySecret,
        List<string> problems)
    {
        string? Header(string name, string shape)
        {
            if (headers.TryGetValue(name, out string? value) && value.Length > 0)
            {
                return value;
            }

            problems.Add($"the signature header '{name}' is missing (WIRE.md §2.2: {shape})");
            return null;
        }

        if (Header("x-authing-signature-method", AuthingSigner.SignatureMethod) is { } method && method != AuthingSigner.SignatureMethod)
        {
            problems.Add($"the header 'x-authing-signature-method' is '{Shorten(method)}', WIRE.md §2.2 says {AuthingSigner.SignatureMethod}");
        }

        if (Header("x-authing-signature-version", AuthingSigner.SignatureVersion) is { } version && version != AuthingSigner.SignatureVersion)
        {
            problems.Add($"the header 'x-authing-signature-version' is '{Shorten(version)}', WIRE.md §2.2 says {AuthingSigner.SignatureVersion}");
        }

        if (Header("x-authing-signature-nonce", "32 lower-case hex digits") is { } nonce && !IsLowerHex(nonce, 32))
        {
            problems.Add($"the header 'x-authing-signature-nonce' is '{Shorten(nonce)}', WIRE.md §2.2 says 32 lower-case hex digits");
        }

        if (Header("date", "an RFC 1123 date") is { } date
            && !DateTimeOffset.TryParseExact(date, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _))
        {
            problems.Add($"the header 'date' is '{Shorten(date)}', WIRE.md §2.2 says an RFC 1123 date such as 'Thu, 01 Jan 1970 00:00:00 GMT'");
        }

        Header("x-authing-lang", "zh-CN or en-US");
        Header("x-authing-sdk-version", "the SDK name and version");
        string? authorization = Header("authorization", "authing <accessKeyId>:<signature>");
        if (authorization is null)
        {
            return;
        }

        const string Scheme = "authing ";
        int colon = authorization.LastIndexOf(':');
        string keyId = colon > Scheme.Length ? authorization.Substring(Scheme.Length, colon - Scheme.Length) : string.Empty;
        string signature = colon >= 0 ? authorization.Substring(colon + 1) : string.Empty;
        if (!authorization.StartsWith(Scheme, StringComparison.Ordinal) || keyId.Length == 0 || keyId.IndexOf(' ') >= 0 || !IsBase64Sha1(signature))
        {
            problems.Add("the header 'authorization' is not 'authing <accessKeyId>:<Base64 HMAC-SHA1>' (WIRE.md §2.3)");
            return;
        }

        if (accessKeyId is not null && keyId != accessKeyId)
        {
            problems.Add($"the header 'authorization' names the key '{Shorten(keyId)}', the fake expects '{accessKeyId}'");
        }

        if (accessKeySecret is null || sdkRequest is null || problems.Count > 0)
        {
            return;
        }

        // The resource pairs are rebuilt from the bytes sent for a body; a GET's query pairs come from the SDK's request.
        IReadOnlyList<KeyValuePair<string, string>> pairs = verb == "GET" || body is null || body.Length == 0
            ? (verb == "GET" ? sdkRequest.SigningPairs : Array.Empty<KeyValuePair<string, string>>())
            : AuthingRequest.ReadBodyPairs(body);
        string expected = AuthingSigner.ComputeSignature(accessKeySecret, AuthingSigner.BuildStringToSign(verb, headers, sdkRequest.Path, pairs));
        if (!string.Equals(expected, signature, StringComparison.Ordinal))
        {
            problems.Add("the signature in 'authorization' does not match the request signed with the fake's AccessKeySecret (WIRE.md §2.3)");
        }
    }

    private static bool IsLowerHex(string value, int length)
    {
        if (value.Length != length)
        {
            return false;
        }

        foreach (char c in value)
        {
            if (c is not ((>= '0' and <= '9') or (>= 'a' and <= 'f')))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A SHA-1 digest in Base64: 27 characters of the alphabet and one <c>=</c>.</summary>
    private static bool IsBase64Sha1(string value)
    {
        if (value.Length != 28 || value[27] != '=')
        {
            return false;
        }

        for (int i = 0; i < 27; i++)
        {
            char c = value[i];
            if (c is not ((>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '+' or '/'))
            {
                return false;
            }
        }

        return true;
    }

    private static JsonValueKind JsonKindOf(string text)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind;
        }
        catch (JsonException)
        {
            return JsonValueKind.Undefined;
        }
    }

    private static string KindText(AuthingJsonKind kind) => kind switch
    {
        AuthingJsonKind.String => "a string",
        AuthingJsonKind.Number => "a number",
        AuthingJsonKind.Boolean => "a boolean",
        AuthingJsonKind.Array => "an array",
        AuthingJsonKind.Object => "an object",
        AuthingJsonKind.Enum => "an enum value (a string)",
        _ => "any JSON",
    };

    private static string ArticleOf(JsonValueKind kind) => kind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => "null",
    };

    private static string Shorten(string value) => value.Length <= 60 ? value : value.Substring(0, 60) + "…";
}

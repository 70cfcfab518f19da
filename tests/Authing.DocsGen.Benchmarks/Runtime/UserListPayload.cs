using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Authing.DocsGen.Benchmarks.Runtime;

/// <summary>The JSON body of a listUsers response: the envelope, <c>data.totalCount</c> and <c>data.list</c> with N users (deterministic).</summary>
public static class UserListPayload
{
    /// <summary>Reflection-based System.Text.Json options for <see cref="PocoUserPaginatedResponse"/>: the wire names and escaping the SDK uses.</summary>
    public static JsonSerializerOptions StjOptions { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
    };

    public static Newtonsoft.Json.JsonSerializer NewtonsoftSerializer { get; } = Newtonsoft.Json.JsonSerializer.Create(new Newtonsoft.Json.JsonSerializerSettings
    {
        ContractResolver = new Newtonsoft.Json.Serialization.CamelCasePropertyNamesContractResolver(),
        NullValueHandling = Newtonsoft.Json.NullValueHandling.Ignore,
        Converters = { new Newtonsoft.Json.Converters.StringEnumConverter() },
    });

    public static PocoUserPaginatedResponse CreateModel(int users)
    {
        var list = new List<PocoUser>(users);
        for (var i = 0; i < users; i++)
        {
            var id = (0x6229ffa0 + i).ToString("x8", CultureInfo.InvariantCulture) + "cade3e3d9";
            list.Add(new PocoUser
            {
                UserId = id,
                CreatedAt = 1669876543210L + (i * 86_400_000L),
                UpdatedAt = 1700000123456L + (i * 1000L),
                Status = (PocoUserStatus)(i % 4),
                WorkStatus = i % 7 == 0 ? PocoWorkStatus.Closed : PocoWorkStatus.Active,
                ExternalId = i % 3 == 0 ? null : (10010 + i).ToString(CultureInfo.InvariantCulture),
                Email = $"user{i}@example.com",
                Phone = i % 2 == 0 ? $"188{i:D4}8888" : null,
                PhoneCountryCode = i % 2 == 0 ? "+86" : null,
                Username = $"user_{i}",
                Name = i % 2 == 0 ? "张三" + i.ToString(CultureInfo.InvariantCulture) : "Bob " + i.ToString(CultureInfo.InvariantCulture),
                Nickname = i % 5 == 0 ? null : "小张",
                Photo = "https://files.example.com/authing-console/default-user-avatar.png",
                LoginsCount = i * 3,
                LastLogin = 1700000123456L - (i * 60_000L),
                LastIp = $"10.0.{i % 256}.{(i * 7) % 256}",
                Gender = (PocoGender)(i % 3),
                EmailVerified = i % 2 == 0,
                PhoneVerified = i % 3 == 0,
                Birthdate = i % 4 == 0 ? "1990-06-03" : null,
                Country = "CN",
                Province = "BJ",
                City = "BJ",
                Address = i % 2 == 0 ? "北京朝阳" : null,
                Company = "example",
                TenantIds = new List<string> { "623c20b2a062aaaaf41b17da" },
                Identities = Enumerable.Range(0, 1 + (i % 2)).Select(k => new PocoIdentity
                {
                    IdentityId = (0x62299d8b + i + k).ToString("x8", CultureInfo.InvariantCulture) + "866d2dab79a89dc4",
                    ExtIdpId = "6229ffaxxxxxxxxcade3e3d9",
                    Provider = (PocoProvider)((i + k) % 3),
                    Type = k == 0 ? "openid" : "unionid",
                    UserIdInIdp = "oj7Nq05R-RRaqak0_YlMLnnIwsvg" + i.ToString(CultureInfo.InvariantCulture),
                    OriginConnIds = new List<string> { "61c2b9a1b3e5b30b0f43ad34" },
                }).ToList(),
            });
        }

        return new PocoUserPaginatedResponse
        {
            StatusCode = 200,
            Message = "操作成功",
            RequestId = "934108e5-9fbf-4d24-8da1-c330328abd6c",
            Data = new PocoUserPaging { TotalCount = 1000, List = list },
        };
    }

    /// <summary>The body bytes (UTF-8, compact, non-ASCII unescaped as Authing's servers send it).</summary>
    public static byte[] Create(int users) => JsonSerializer.SerializeToUtf8Bytes(CreateModel(users), StjOptions);
}

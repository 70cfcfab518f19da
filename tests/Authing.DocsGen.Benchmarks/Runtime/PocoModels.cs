using System.Runtime.Serialization;
using System.Text.Json.Serialization;

namespace Authing.DocsGen.Benchmarks.Runtime;

// Hand-written classes equivalent to the SDK types generated from Docs/authentication/users/list-users.md: same wire
// names (camelCase naming policy / contract resolver), same nullable property types, enums as C# enums read and written
// as their wire strings. System.Text.Json (reflection and source-generated) and Newtonsoft.Json (de)serialise these.

public sealed class PocoUserPaginatedResponse
{
    public int? StatusCode { get; set; }

    public string? Message { get; set; }

    public int? ApiCode { get; set; }

    public string? RequestId { get; set; }

    public PocoUserPaging? Data { get; set; }
}

public sealed class PocoUserPaging
{
    public long? TotalCount { get; set; }

    public List<PocoUser>? List { get; set; }
}

public sealed class PocoUser
{
    public string? UserId { get; set; }

    public long? CreatedAt { get; set; }

    public long? UpdatedAt { get; set; }

    public PocoUserStatus? Status { get; set; }

    public PocoWorkStatus? WorkStatus { get; set; }

    public string? ExternalId { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public string? PhoneCountryCode { get; set; }

    public string? Username { get; set; }

    public string? Name { get; set; }

    public string? Nickname { get; set; }

    public string? Photo { get; set; }

    public long? LoginsCount { get; set; }

    public long? LastLogin { get; set; }

    public string? LastIp { get; set; }

    public PocoGender? Gender { get; set; }

    public bool? EmailVerified { get; set; }

    public bool? PhoneVerified { get; set; }

    public string? Birthdate { get; set; }

    public string? Country { get; set; }

    public string? Province { get; set; }

    public string? City { get; set; }

    public string? Address { get; set; }

    public string? Company { get; set; }

    public List<string>? TenantIds { get; set; }

    public List<PocoIdentity>? Identities { get; set; }
}

public sealed class PocoIdentity
{
    public string? IdentityId { get; set; }

    public string? ExtIdpId { get; set; }

    public PocoProvider? Provider { get; set; }

    public string? Type { get; set; }

    public string? UserIdInIdp { get; set; }

    public List<string>? OriginConnIds { get; set; }
}

public enum PocoUserStatus
{
    Suspended,
    Resigned,
    Activated,
    Archived,
}

public enum PocoWorkStatus
{
    Closed,
    Active,
}

public enum PocoGender
{
    M,
    F,
    U,
}

public enum PocoProvider
{
    [JsonStringEnumMemberName("wechat")]
    [EnumMember(Value = "wechat")]
    Wechat,

    [JsonStringEnumMemberName("github")]
    [EnumMember(Value = "github")]
    Github,

    [JsonStringEnumMemberName("dingtalk")]
    [EnumMember(Value = "dingtalk")]
    Dingtalk,
}

/// <summary>System.Text.Json's source generator over the same classes: the hand-written client's serializer.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PocoUserPaginatedResponse))]
public sealed partial class PocoJsonContext : JsonSerializerContext
{
}

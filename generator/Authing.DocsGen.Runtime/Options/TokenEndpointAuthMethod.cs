namespace Authing.Sdk;

/// <summary>How the authentication client proves the application's identity on the token and sign-in endpoints.</summary>
public enum TokenEndpointAuthMethod
{
    /// <summary><c>client_secret_post</c>: the secret travels in the request body, as the caller's DTO provides it. The default.</summary>
    ClientSecretPost,

    /// <summary>
    /// <c>client_secret_basic</c>: <c>authorization: Basic base64(appId:appSecret)</c> is sent on the token and sign-in
    /// endpoints, replacing any user access token there.
    /// </summary>
    ClientSecretBasic,

    /// <summary><c>none</c>: a public client without a secret.</summary>
    None,
}

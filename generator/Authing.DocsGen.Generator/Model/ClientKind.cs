namespace Authing.DocsGen.Model;

public enum ClientKind
{
    Authentication,
    Management,
}

[System.Flags]
public enum ClientSet
{
    None = 0,
    Authentication = 1,
    Management = 2,
    All = Authentication | Management,
}

public static class ClientSetExtensions
{
    public static ClientSet ToSet(this ClientKind client) => client == ClientKind.Authentication ? ClientSet.Authentication : ClientSet.Management;
}

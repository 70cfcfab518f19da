namespace Authing.DocsGen.Model;

public enum HttpVerb
{
    Get,
    Post,
    Put,
    Delete,
}

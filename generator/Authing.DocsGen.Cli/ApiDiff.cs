using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Authing.DocsGen.Cli;

/// <summary>One change of the public API between two docs folders.</summary>
/// <param name="Class">What changed: <c>removed</c>, <c>added</c>, <c>renamed</c>, <c>type changed</c>,
/// <c>optional → required</c>, <c>required → optional</c>, <c>added required</c>, <c>verb/route changed</c>, <c>client changed</c>.</param>
public sealed record ApiChange(bool Breaking, string Class, string Kind, string Name, string? Before, string? After);

/// <summary>
/// Compares two API surfaces (<see cref="ApiSurface"/>). Breaking: whatever makes code that compiled and worked against
/// the old SDK fail to compile or call another endpoint — a removal, a rename, a type change, a property that becomes
/// (or is added as) required, a method whose verb, route or client changes. Everything else is non-breaking.
/// </summary>
public static class ApiDiff
{
    public static IReadOnlyList<ApiChange> Compare(IReadOnlyList<ApiEntry> before, IReadOnlyList<ApiEntry> after)
    {
        var changes = new List<ApiChange>();
        var oldByKey = before.ToDictionary(e => e.Key, StringComparer.Ordinal);
        var newByKey = after.ToDictionary(e => e.Key, StringComparer.Ordinal);
        var removed = before.Where(e => !newByKey.ContainsKey(e.Key)).ToList();
        var added = after.Where(e => !oldByKey.ContainsKey(e.Key)).ToList();

        foreach (var old in before)
        {
            if (newByKey.TryGetValue(old.Key, out var now))
            {
                CompareSame(old, now, changes);
            }
        }

        // A client method is matched by its docs page: a new name, client, verb or route on the same page is a change
        // of that method, not a removal and an unrelated addition.
        foreach (var old in removed.Where(e => e.Page is not null).ToList())
        {
            if (added.FirstOrDefault(e => e.Page == old.Page && e.Kind == "method") is not { } now)
            {
                continue;
            }

            removed.Remove(old);
            added.Remove(now);
            if (old.Container != now.Container)
            {
                changes.Add(new ApiChange(true, "client changed", "method", now.Key, old.Key, now.Key));
            }
            else if (old.Name != now.Name)
            {
                changes.Add(new ApiChange(true, "renamed", "method", now.Key, old.Key, now.Key));
            }
            else
            {
                CompareSame(old with { Key = now.Key }, now, changes);
            }
        }

        MatchRenamedTypes(removed, added, changes);
        MatchRenamedProperties(removed, added, changes);

        // Members of a removed or added type are not listed one by one: the type line says it all.
        var removedTypes = removed.Where(e => e.Kind == "type").Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        var addedTypes = added.Where(e => e.Kind == "type").Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var old in removed.Where(e => e.Kind == "type" || !removedTypes.Contains(e.Container)))
        {
            changes.Add(new ApiChange(true, "removed", old.Kind, old.Key, Describe(old), null));
        }

        foreach (var now in added.Where(e => e.Kind == "type" || !addedTypes.Contains(e.Container)))
        {
            // A new required property breaks every object initializer of that type.
            changes.Add(now.Required ? new ApiChange(true, "added required", now.Kind, now.Key, null, Describe(now)) : new ApiChange(false, "added", now.Kind, now.Key, null, Describe(now)));
        }

        return changes.OrderBy(c => c.Breaking ? 0 : 1).ThenBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.Class, StringComparer.Ordinal).ToList();
    }

    private static void CompareSame(ApiEntry old, ApiEntry now, List<ApiChange> changes)
    {
        if (old.Endpoint != now.Endpoint && old.Endpoint is not null && now.Endpoint is not null)
        {
            changes.Add(new ApiChange(true, "verb/route changed", now.Kind, now.Key, old.Endpoint, now.Endpoint));
        }

        if (old.Required != now.Required)
        {
            changes.Add(new ApiChange(now.Required, now.Required ? "optional → required" : "required → optional", now.Kind, now.Key, old.Signature, now.Signature));
        }
        else if (old.Signature != now.Signature)
        {
            changes.Add(new ApiChange(true, now.Kind == "enum value" ? "value changed" : "type changed", now.Kind, now.Key, old.Signature, now.Signature));
        }
    }

    /// <summary>
    /// A removed type and an added one with the same members (same names, same signatures once earlier renames are
    /// applied) are a rename. Repeated until nothing more matches: a DTO's enum is renamed before the DTO that uses it.
    /// </summary>
    private static void MatchRenamedTypes(List<ApiEntry> removed, List<ApiEntry> added, List<ApiChange> changes)
    {
        var renames = new Dictionary<string, string>(StringComparer.Ordinal);
        string Rename(string signature) => renames.Count == 0 ? signature : Regex.Replace(signature, @"\b[A-Za-z_][A-Za-z0-9_]*\b", m => renames.TryGetValue(m.Value, out var now) ? now : m.Value);
        string Shape(List<ApiEntry> all, ApiEntry type, bool applyRenames) => string.Join("\n", all
            .Where(e => e.Container == type.Key && e.Kind != "type" && e.Kind != "constructor" && e.Kind != "operator")
            .Select(e => e.Name + ":" + (applyRenames ? Rename(e.Signature) : e.Signature).Replace(applyRenames ? Rename(type.Name) : type.Name, "\u0001", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal));

        for (var progress = true; progress;)
        {
            progress = false;
            foreach (var oldType in removed.Where(e => e.Kind == "type").ToList())
            {
                var shape = Shape(removed, oldType, applyRenames: true);
                var candidates = added.Where(e => e.Kind == "type" && e.Signature.Replace(e.Name, string.Empty, StringComparison.Ordinal) == oldType.Signature.Replace(oldType.Name, string.Empty, StringComparison.Ordinal) && Shape(added, e, applyRenames: false) == shape).ToList();
                if (candidates.Count != 1 || shape.Length == 0)
                {
                    continue;
                }

                var newType = candidates[0];
                changes.Add(new ApiChange(true, "renamed", "type", newType.Key, oldType.Key, newType.Key));
                removed.RemoveAll(e => e == oldType || e.Container == oldType.Key);
                added.RemoveAll(e => e == newType || e.Container == newType.Key);
                renames[oldType.Name] = newType.Name;
                progress = true;

                // The type's converter is renamed with it (it has no members to match on).
                var oldConverter = removed.FirstOrDefault(e => e.Kind == "type" && e.Key == oldType.Key + "JsonConverter");
                var newConverter = added.FirstOrDefault(e => e.Kind == "type" && e.Key == newType.Key + "JsonConverter");
                if (oldConverter is not null && newConverter is not null)
                {
                    changes.Add(new ApiChange(true, "renamed", "type", newConverter.Key, oldConverter.Key, newConverter.Key));
                    removed.Remove(oldConverter);
                    added.Remove(newConverter);
                }
            }
        }
    }

    /// <summary>In a type that stays, one removed and one added property of the same type are a rename.</summary>
    private static void MatchRenamedProperties(List<ApiEntry> removed, List<ApiEntry> added, List<ApiChange> changes)
    {
        foreach (var group in removed.Where(e => e.Kind is "property" or "enum value").GroupBy(e => (e.Container, e.Kind)).ToList())
        {
            var gone = group.ToList();
            var fresh = added.Where(e => e.Container == group.Key.Container && e.Kind == group.Key.Kind).ToList();
            if (gone.Count != 1 || fresh.Count != 1 || gone[0].Signature != fresh[0].Signature)
            {
                continue;
            }

            changes.Add(new ApiChange(true, "renamed", group.Key.Kind, fresh[0].Key, gone[0].Key, fresh[0].Key));
            removed.Remove(gone[0]);
            added.Remove(fresh[0]);
        }
    }

    private static string Describe(ApiEntry entry) => entry.Signature + (entry.Endpoint is null ? string.Empty : " | " + entry.Endpoint);

    /// <summary>Markdown for a pull request: a verdict line, then a table of breaking and of other changes.</summary>
    public static string Markdown(IReadOnlyList<ApiChange> changes, string before, string after)
    {
        var text = new StringBuilder();
        var breaking = changes.Count(c => c.Breaking);
        text.Append("## SDK API changes\n\n");
        text.Append($"`{Escape(before)}` → `{Escape(after)}`: ");
        text.Append(changes.Count == 0 ? "no public API change.\n" : $"**{breaking} breaking**, {changes.Count - breaking} non-breaking.\n");
        foreach (var (title, selected) in new[] { ("Breaking", changes.Where(c => c.Breaking).ToList()), ("Non-breaking", changes.Where(c => !c.Breaking).ToList()) })
        {
            if (selected.Count == 0)
            {
                continue;
            }

            text.Append($"\n### {title} ({selected.Count})\n\n");
            text.Append("| change | kind | member | before | after |\n|---|---|---|---|---|\n");
            foreach (var change in selected)
            {
                text.Append($"| {change.Class} | {change.Kind} | `{Escape(change.Name)}` | {Code(change.Before)} | {Code(change.After)} |\n");
            }
        }

        return text.ToString();
    }

    public static string Json(IReadOnlyList<ApiChange> changes)
    {
        var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("breaking", changes.Count(c => c.Breaking));
            writer.WriteNumber("nonBreaking", changes.Count(c => !c.Breaking));
            writer.WriteStartArray("changes");
            foreach (var change in changes)
            {
                writer.WriteStartObject();
                writer.WriteBoolean("breaking", change.Breaking);
                writer.WriteString("class", change.Class);
                writer.WriteString("kind", change.Kind);
                writer.WriteString("member", change.Name);
                writer.WriteString("before", change.Before);
                writer.WriteString("after", change.After);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static string Code(string? value) => value is null ? "–" : "`" + Escape(value) + "`";

    // Pipes end a table cell and backticks a code span; neither may come from a docs-derived name.
    private static string Escape(string value) => value.Replace("|", "\\|", StringComparison.Ordinal).Replace("`", "'", StringComparison.Ordinal);
}

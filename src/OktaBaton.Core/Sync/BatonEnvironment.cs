using System;
using System.Collections.Generic;
using System.Linq;

namespace OktaBaton.Core.Sync;

/// <summary>
/// The environment variables baton-okta and its CIAM siblings read their sync options from (baton-sdk turns a
/// setting "sync-custom-roles" into BATON_SYNC_CUSTOM_ROLES), as defaults for <see cref="SyncOptions"/>, so a
/// deployment configured for baton syncs the same way. Sources: baton-okta pkg/config/config.go,
/// baton-okta-ciam-workforce pkg/config/config.go (email-domains, group-name-filter), baton-okta-ciam
/// pkg/config/config.go (ciam-email-domains), and baton-sdk's --sync-resource-types (baton-okta's device opt-in).
/// </summary>
public static class BatonEnvironment
{
    /// <summary>Option name (as the sync file records it) → the variables that may set it, in precedence order.</summary>
    public static readonly IReadOnlyList<(string Option, string[] Variables)> Names = new[]
    {
        ("syncCustomRoles", new[] { "BATON_SYNC_CUSTOM_ROLES" }),
        ("skipSecondaryEmails", new[] { "BATON_SKIP_SECONDARY_EMAILS" }),
        ("skipAppGroups", new[] { "BATON_SKIP_APP_GROUPS" }),
        ("syncInactiveApps", new[] { "BATON_SYNC_INACTIVE_APPS" }),
        ("syncSecrets", new[] { "BATON_SYNC_SECRETS" }),
        ("emailDomains", new[] { "BATON_FILTER_EMAIL_DOMAINS", "BATON_EMAIL_DOMAINS", "BATON_CIAM_EMAIL_DOMAINS" }),
        ("groupNameFilter", new[] { "BATON_GROUP_NAME_FILTER" }),
        ("resourceTypes", new[] { "BATON_SYNC_RESOURCE_TYPES" }),
    };

    /// <summary>
    /// Reads the variables that are set (an empty value counts as unset) and checks their values; throws
    /// <see cref="ArgumentException"/> naming the variable for a value that is not what the option takes, or when two
    /// variables for the same option disagree.
    /// </summary>
    public static IReadOnlyList<EnvironmentDefault> Read(Func<string, string?> variable)
    {
        if (variable is null) throw new ArgumentNullException(nameof(variable));
        var defaults = new List<EnvironmentDefault>();
        foreach (var (option, names) in Names)
        {
            var set = names.Select(n => (Name: n, Value: variable(n)?.Trim())).Where(v => !string.IsNullOrEmpty(v.Value)).ToList();
            if (set.Count == 0) continue;
            var parsed = set.Select(v => Parse(option, v.Name, v.Value!)).ToList();
            for (var i = 1; i < parsed.Count; i++)
            {
                if (!parsed[i].SameValueAs(parsed[0]))
                {
                    throw new ArgumentException($"{set[0].Name}='{set[0].Value}' and {set[i].Name}='{set[i].Value}' both set {option} and disagree; unset one.");
                }
            }
            defaults.Add(parsed[0]);
        }
        return defaults;
    }

    /// <summary>Applies the defaults to the options the caller did not give explicitly, and records which came from where.</summary>
    public static void Apply(SyncOptions options, IEnumerable<EnvironmentDefault> defaults, Func<string, bool> givenExplicitly)
    {
        if (options is null) throw new ArgumentNullException(nameof(options));
        foreach (var setting in defaults)
        {
            if (givenExplicitly(setting.Option)) continue;
            setting.ApplyTo(options);
            options.FromEnvironment[setting.Option] = setting.Variable;
        }
    }

    private static EnvironmentDefault Parse(string option, string name, string value) => option switch
    {
        "syncCustomRoles" => Flag(option, name, value, (o, v) => o.SyncCustomRoles = v),
        "skipSecondaryEmails" => Flag(option, name, value, (o, v) => o.SkipSecondaryEmails = v),
        "skipAppGroups" => Flag(option, name, value, (o, v) => o.SkipAppGroups = v),
        "syncInactiveApps" => Flag(option, name, value, (o, v) => o.SyncInactiveApps = v),
        "syncSecrets" => Flag(option, name, value, (o, v) => o.SyncSecrets = v),
        "emailDomains" => List(option, name, value, (o, v) => Replace(o.EmailDomains, v), null),
        "groupNameFilter" => new EnvironmentDefault(option, name, value, new[] { value }, o => o.GroupNameFilter = value),
        "resourceTypes" => List(option, name, value, (o, v) => Replace(o.ResourceTypes, v), ResourceTypeName),
        _ => throw new ArgumentOutOfRangeException(nameof(option)),
    };

    /// <summary>Go's strconv.ParseBool, which baton's settings use: 1, t, true / 0, f, false in any case.</summary>
    private static EnvironmentDefault Flag(string option, string name, string value, Action<SyncOptions, bool> apply)
    {
        bool flag;
        switch (value.ToLowerInvariant())
        {
            case "1" or "t" or "true":
                flag = true;
                break;
            case "0" or "f" or "false":
                flag = false;
                break;
            default:
                throw new ArgumentException($"{name}='{value}' is not true or false.");
        }

        return new EnvironmentDefault(option, name, value, new[] { flag ? "true" : "false" }, o => apply(o, flag));
    }

    /// <summary>A list: items separated by commas or white space (baton's string-slice settings accept both forms).</summary>
    private static EnvironmentDefault List(string option, string name, string value, Action<SyncOptions, IReadOnlyList<string>> apply, Func<string, string, string>? check)
    {
        var items = value.Split(new[] { ',', ' ', '\t', '\n', '\r' }, StringSplitOptions.RemoveEmptyEntries)
            .Select(i => check is null ? i : check(name, i))
            .ToList();
        return new EnvironmentDefault(option, name, value, items.Select(i => i.ToLowerInvariant()).OrderBy(i => i, StringComparer.Ordinal).ToArray(), o => apply(o, items));
    }

    private static string ResourceTypeName(string variable, string item) =>
        Model.ResourceTypes.Find(item)?.Id
        ?? throw new ArgumentException($"{variable} names '{item}', which is not a resource type. Valid types: {string.Join(", ", Model.ResourceTypes.All.Select(t => t.Id))}.");

    private static void Replace(IList<string> list, IReadOnlyList<string> items)
    {
        list.Clear();
        foreach (var item in items) list.Add(item);
    }
}

/// <summary>One option's default from one environment variable.</summary>
public sealed class EnvironmentDefault
{
    private readonly string[] _normalized;

    internal EnvironmentDefault(string option, string variable, string value, string[] normalized, Action<SyncOptions> applyTo)
    {
        Option = option;
        Variable = variable;
        Value = value;
        _normalized = normalized;
        ApplyTo = applyTo;
    }

    /// <summary>The option as the sync file records it: syncCustomRoles, emailDomains, …</summary>
    public string Option { get; }

    public string Variable { get; }

    /// <summary>The variable's text (these settings hold no secrets).</summary>
    public string Value { get; }

    internal Action<SyncOptions> ApplyTo { get; }

    internal bool SameValueAs(EnvironmentDefault other) => _normalized.SequenceEqual(other._normalized, StringComparer.Ordinal);
}

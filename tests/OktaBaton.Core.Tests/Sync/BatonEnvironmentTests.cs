using OktaBaton.Core.Sync;
using Xunit;

namespace OktaBaton.Core.Tests.Sync;

/// <summary>baton-okta's and the CIAM connectors' environment variables as sync defaults (a fake environment, never the process's).</summary>
public sealed class BatonEnvironmentTests
{
    private static Func<string, string?> Environment(params (string Name, string Value)[] variables)
    {
        var map = variables.ToDictionary(v => v.Name, v => (string?)v.Value);
        return name => map.TryGetValue(name, out var value) ? value : null;
    }

    [Fact]
    public void Every_variable_sets_its_option_and_is_recorded()
    {
        var options = new SyncOptions();
        var defaults = BatonEnvironment.Read(Environment(
            ("BATON_SYNC_CUSTOM_ROLES", "true"), ("BATON_SKIP_SECONDARY_EMAILS", "1"), ("BATON_SKIP_APP_GROUPS", "T"),
            ("BATON_SYNC_INACTIVE_APPS", "TRUE"), ("BATON_SYNC_SECRETS", "t"), ("BATON_FILTER_EMAIL_DOMAINS", "acme.example, contractors.example"),
            ("BATON_GROUP_NAME_FILTER", "Eng"), ("BATON_SYNC_RESOURCE_TYPES", "user group Device")));

        BatonEnvironment.Apply(options, defaults, _ => false);

        Assert.True(options.SyncCustomRoles && options.SkipSecondaryEmails && options.SkipAppGroups && options.SyncInactiveApps && options.SyncSecrets);
        Assert.Equal(new[] { "acme.example", "contractors.example" }, options.EmailDomains);
        Assert.Equal("Eng", options.GroupNameFilter);
        Assert.Equal(new[] { "user", "group", "device" }, options.ResourceTypes);
        Assert.Equal("BATON_FILTER_EMAIL_DOMAINS", options.FromEnvironment["emailDomains"]);
        Assert.Equal(8, options.FromEnvironment.Count);
        var recorded = options.ToPropertyBag().GetBag("fromEnvironment")!;
        Assert.Equal("BATON_SYNC_RESOURCE_TYPES", recorded.GetString("resourceTypes"));
    }

    [Fact]
    public void An_explicit_option_wins_and_false_is_a_value_too()
    {
        var options = new SyncOptions { SyncCustomRoles = false, EmailDomains = { "explicit.example" } };
        var defaults = BatonEnvironment.Read(Environment(("BATON_SYNC_CUSTOM_ROLES", "true"), ("BATON_EMAIL_DOMAINS", "ciam.example"), ("BATON_SYNC_INACTIVE_APPS", "false")));

        BatonEnvironment.Apply(options, defaults, option => option is "syncCustomRoles" or "emailDomains");

        Assert.False(options.SyncCustomRoles);
        Assert.Equal(new[] { "explicit.example" }, options.EmailDomains);
        Assert.False(options.SyncInactiveApps);
        Assert.Equal(new[] { "syncInactiveApps" }, options.FromEnvironment.Keys);
    }

    [Theory]
    [InlineData("BATON_CIAM_EMAIL_DOMAINS")]
    [InlineData("BATON_EMAIL_DOMAINS")]
    public void The_ciam_connectors_domain_variables_are_read(string variable)
    {
        var options = new SyncOptions();
        BatonEnvironment.Apply(options, BatonEnvironment.Read(Environment((variable, "customers.example"))), _ => false);

        Assert.Equal(new[] { "customers.example" }, options.EmailDomains);
        Assert.Equal(variable, options.FromEnvironment["emailDomains"]);
    }

    [Fact]
    public void Unset_and_empty_variables_change_nothing()
    {
        var options = new SyncOptions();
        BatonEnvironment.Apply(options, BatonEnvironment.Read(Environment(("BATON_SYNC_SECRETS", "  "), ("BATON_GROUP_NAME_FILTER", ""))), _ => false);

        Assert.False(options.SyncSecrets);
        Assert.Null(options.GroupNameFilter);
        Assert.Empty(options.FromEnvironment);
    }

    [Theory]
    [InlineData("BATON_SYNC_SECRETS", "yes", "BATON_SYNC_SECRETS='yes' is not true or false")]
    [InlineData("BATON_SYNC_RESOURCE_TYPES", "user,widget", "BATON_SYNC_RESOURCE_TYPES names 'widget'")]
    public void A_bad_value_is_an_error_naming_the_variable(string variable, string value, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => BatonEnvironment.Read(Environment((variable, value))));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_domain_variables_that_disagree_are_an_error_and_agreeing_ones_are_fine()
    {
        var error = Assert.Throws<ArgumentException>(() => BatonEnvironment.Read(Environment(("BATON_FILTER_EMAIL_DOMAINS", "a.example"), ("BATON_EMAIL_DOMAINS", "b.example"))));
        Assert.Contains("BATON_FILTER_EMAIL_DOMAINS", error.Message, StringComparison.Ordinal);
        Assert.Contains("BATON_EMAIL_DOMAINS", error.Message, StringComparison.Ordinal);

        var agreeing = BatonEnvironment.Read(Environment(("BATON_FILTER_EMAIL_DOMAINS", "a.example,B.example"), ("BATON_EMAIL_DOMAINS", "b.example a.example")));
        Assert.Equal("BATON_FILTER_EMAIL_DOMAINS", Assert.Single(agreeing).Variable);
    }
}

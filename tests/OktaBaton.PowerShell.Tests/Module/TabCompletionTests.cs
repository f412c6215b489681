using OktaBaton.PowerShell.Tests.Infrastructure;

namespace OktaBaton.PowerShell.Tests.Module;

public sealed class TabCompletionTests
{
    private static List<string> Complete(string input)
    {
        using var session = new ModuleSession();
        var run = session.Run("(TabExpansion2 -inputScript $in -cursorColumn $in.Length).CompletionMatches.CompletionText",
            new Dictionary<string, object?> { ["in"] = input });
        run.AssertNoErrors();
        return run.Output.Select(o => (string)o.BaseObject).ToList();
    }

    [Fact]
    public void RoleTypeCompletesOktasStandardRoles()
    {
        Assert.Equal(["SUPER_ADMIN"], Complete("Grant-OktaRole -RoleType SUP"));
        Assert.Contains("HELP_DESK_ADMIN", Complete("Revoke-OktaRole -RoleType "));
    }

    [Fact]
    public void ResourceTypeCompletesTheSyncFilesTypes()
    {
        Assert.Equal(["resource-set", "resourceset-binding"], Complete("Get-OktaSyncGrant -Path x.json -ResourceType res").Order().ToList());
        Assert.Contains("api-token", Complete("Get-OktaSyncResource -Path x.json -ResourceType "));
    }
}

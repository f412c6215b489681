using OktaBaton.Core.Model;
using OktaBaton.Core.SyncFile;

namespace OktaBaton.Core.Tests.Reliability;

/// <summary>A small, whole sync file written by the real writer: users, groups, memberships and group-held roles.</summary>
internal static class SyncFileFixture
{
    /// <param name="memberShift">moves each group's ten members along the users, so two files differ in memberships.</param>
    public static void Write(string path, string syncId = "sync-a", string nameSuffix = "", bool withExtraGrant = false, int memberShift = 0)
    {
        var header = new SyncFileHeader(syncId, DateTimeOffset.UnixEpoch, "demo.okta.com", new PropertyBag().Set("syncCustomRoles", false), ResourceTypes.All);
        using var writer = SyncFileWriter.Create(path, header);
        for (var i = 0; i < 40; i++)
        {
            writer.WriteResource(new Resource(new ResourceId("user", "00u" + i), "User " + i + nameSuffix,
                new PropertyBag().Set("user", new PropertyBag().Set("login", $"user{i}@example.com").Set("oktaStatus", "ACTIVE")),
                new PropertyBag().Set("email", $"user{i}@example.com")));
        }
        for (var g = 0; g < 4; g++)
        {
            var group = new ResourceId("group", "00g" + g);
            writer.WriteResource(new Resource(group, "Group " + g + nameSuffix));
            writer.WriteEntitlement(new Entitlement(group, "member", "Group " + g + " member", Entitlement.AssignmentPurpose, Entitlement.ToUsers));
        }
        var role = new ResourceId("role", "SUPER_ADMIN");
        writer.WriteResource(new Resource(role, "Super Administrator"));
        writer.WriteEntitlement(new Entitlement(role, "assigned", "Super Administrator", Entitlement.PermissionPurpose, Entitlement.ToUsers));
        for (var g = 0; g < 4; g++)
        {
            writer.WriteGrants($"group:00g{g}:member", "user", Enumerable.Range(Math.Min(g * 10 + memberShift, 30), 10).Select(i => "00u" + i).ToList());
        }
        writer.WriteGrant(new Grant("role:SUPER_ADMIN:assigned", new ResourceId("user", "00u0")));
        writer.WriteGrant(new Grant("role:SUPER_ADMIN:assigned", new ResourceId("group", "00g1"), new[] { "group:00g1:member" }));
        if (withExtraGrant) writer.WriteGrant(new Grant("role:SUPER_ADMIN:assigned", new ResourceId("user", "00u39")));
        writer.Complete(new SyncFileTrailer(DateTimeOffset.UnixEpoch.AddMinutes(1),
            new[] { new SyncWarning(SyncWarning.PermissionDenied, "could not read the roles of group 3", new ResourceId("group", "00g3"), "/api/v1/groups/00g3/roles", "E0000006") },
            new SyncStats(10, 0, 5, new Dictionary<string, long> { ["user"] = 40, ["group"] = 4, ["role"] = 1 }, 5, 43)));
    }
}

using System.Globalization;
using System.Text.Json;
using OktaBaton.Simulator.Model;

namespace OktaBaton.Simulator.Seed;

/// <summary>The small, recognisable demo org: every user status, every group type, apps assigned to
/// users and groups (some users both directly and through a group), standard (some scoped by role targets),
/// IAM-based and custom roles, resource set bindings, API tokens, enrolled MFA factors and devices. Ids are stable.</summary>
internal static class DemoOrg
{
    public const int FillerUsers = 230;
    private static readonly DateTimeOffset Epoch = new(2024, 1, 15, 9, 0, 0, TimeSpan.Zero);

    private sealed record Person(string Login, string First, string Last, string Status, string? SecondEmail = null, string? EmployeeNumber = null, string? Department = null, string? Title = null, string? EmployeeIdNumber = null);

    private static readonly Person[] People =
    {
        new("okta.admin@acme.example", "Olivia", "Admin", UserStatus.Active, EmployeeNumber: "E0001", Department: "IT", Title: "Identity Administrator"),
        new("break.glass@acme.example", "Break", "Glass", UserStatus.Active, Department: "IT", Title: "Emergency Access"),
        new("alice.anderson@acme.example", "Alice", "Anderson", UserStatus.Active, "alice.a@personal.example", "E1001", "Engineering", "Staff Engineer"),
        new("bob.brown@acme.example", "Bob", "Brown", UserStatus.Active, null, "E1002", "Finance", "Controller"),
        new("carol.chen@acme.example", "Carol", "Chen", UserStatus.Active, "carol.chen@personal.example", "E1003", "Engineering", "Engineering Manager"),
        new("dave.davis@acme.example", "Dave", "Davis", UserStatus.Suspended, null, "E1004", "Finance", "Analyst"),
        new("erin.evans@acme.example", "Erin", "Evans", UserStatus.Deprovisioned, null, "E1005", "Sales", "Account Executive"),
        new("frank.fischer@acme.example", "Frank", "Fischer", UserStatus.LockedOut, null, "E1006", "Engineering", "Engineer"),
        new("grace.garcia@acme.example", "Grace", "Garcia", UserStatus.PasswordExpired, null, "E1007", "Sales", "Sales Manager"),
        new("henry.hughes@acme.example", "Henry", "Hughes", UserStatus.Provisioned, null, null, "Sales", "Sales Associate"),
        new("iris.ito@acme.example", "Iris", "Ito", UserStatus.Recovery, "iris.ito@personal.example", "E1009", "Support", "Support Engineer"),
        new("jack.jones@acme.example", "Jack", "Jones", UserStatus.Staged, null, null, "Engineering", "Intern"),
        new("kate.kim@acme.example", "Kate", "Kim", UserStatus.Active, null, "E1011", "IT", "Automation Lead"),
        new("liam.lopez@acme.example", "Liam", "Lopez", UserStatus.Active, null, "E1012", "Engineering", "QA Engineer"),
        new("maya.miller@acme.example", "Maya", "Miller", UserStatus.Active, "maya@personal.example", "E1013", "Sales", "VP Sales"),
        new("noah.nguyen@acme.example", "Noah", "Nguyen", UserStatus.Active, null, "E1014", "Engineering", "SRE"),
        new("olga.orlov@acme.example", "Olga", "Orlov", UserStatus.Deprovisioned, null, "E1015", "Support", "Support Lead"),
        new("paul.park@contractors.example", "Paul", "Park", UserStatus.Active, null, null, "Engineering", "Contract Developer", EmployeeIdNumber: "CTR-3001"),
        new("quinn.quade@contractors.example", "Quinn", "Quade", UserStatus.Active, "quinn@quade.example", null, "Support", "Contract Support"),
        new("rita.ross@contractors.example", "Rita", "Ross", UserStatus.Suspended, null, null, "Engineering", "Contract Designer"),
        new("sam.silva@contractors.example", "Sam", "Silva", UserStatus.Staged, null, null, "Sales", "Contract Sales"),
        new("tara.tran@contractors.example", "Tara", "Tran", UserStatus.Active, null, null, "Sales", "Contract Sales"),
        new("uma.usman@contractors.example", "Uma", "Usman", UserStatus.Active, null, "C2001", "Engineering", "Contract Tester"),
    };

    public static OrgState Build()
    {
        var org = new OrgState("demo", 2024);
        // custom attributes of the demo's user profile schema
        org.UserProfileAttributes.Add("employeeIdNumber");
        org.UserProfileAttributes.Add("startDate");
        var everyone = org.AddGroup(OktaGroup.BuiltInType, "Everyone", "All users in your organization", Epoch);

        var users = new Dictionary<string, OktaUser>(StringComparer.Ordinal);
        for (var i = 0; i < People.Length; i++)
        {
            var person = People[i];
            var user = AddPerson(org, person, Epoch.AddHours(i + 1));
            users[person.Login.Split('@')[0]] = user;
        }
        var fillers = new List<OktaUser>();
        for (var i = 1; i <= FillerUsers; i++)
        {
            var number = i.ToString("000", CultureInfo.InvariantCulture);
            fillers.Add(AddPerson(org, new Person($"load.user{number}@loadtest.example", "Load", $"User{number}", UserStatus.Active), Epoch.AddDays(10).AddMinutes(i)));
        }
        org.TokenOwnerIndex = users["okta.admin"].Index;

        var t = Epoch.AddDays(2);
        OktaGroup Group(string name, string description, params string[] members)
        {
            var group = org.AddGroup(OktaGroup.OktaGroupType, name, description, t);
            foreach (var member in members)
            {
                org.AddMember(group, users[member], t);
            }
            return group;
        }
        var admins = Group("Okta Admins", "Administrators of the Okta org", "okta.admin", "alice.anderson");
        var engineering = Group("Engineering", "All engineers", "alice.anderson", "bob.brown", "carol.chen", "frank.fischer", "kate.kim", "liam.lopez", "noah.nguyen", "paul.park", "uma.usman");
        var sales = Group("Sales", "Sales team", "grace.garcia", "henry.hughes", "maya.miller", "tara.tran");
        var helpDesk = Group("Help Desk", "First-line support", "alice.anderson", "iris.ito", "quinn.quade");
        var contractors = Group("Contractors", "External contractors", "paul.park", "quinn.quade", "rita.ross", "sam.silva", "tara.tran", "uma.usman");
        var finance = Group("Finance Approvers", "Approve purchase orders", "bob.brown", "dave.davis", "maya.miller");
        Group("Project Phoenix", "Kick-off pending: no members yet");
        var load = Group("Load Test Users", "Generated users, more than one page of members", "liam.lopez");
        foreach (var filler in fillers)
        {
            org.AddMember(load, filler, t);
        }

        var apps = new Dictionary<string, OktaApp>(StringComparer.Ordinal);
        OktaApp App(string name, string label, string status, string signOnMode)
        {
            var app = org.AddApp(name, label, status, signOnMode, Epoch.AddDays(3).AddHours(apps.Count));
            apps[name] = app;
            return app;
        }
        var salesforce = App("salesforce", "Salesforce", "ACTIVE", "SAML_2_0");
        var slack = App("slack", "Slack", "ACTIVE", "SAML_2_0");
        slack.UserNameTemplate = UserNameTemplate.EmailPrefix;
        var github = App("githubcloud", "GitHub Enterprise", "ACTIVE", "SAML_2_0");
        var workday = App("workday", "Workday", "ACTIVE", "SAML_2_0");
        workday.UserNameTemplate = UserNameTemplate.Email;
        var intranet = App("bookmark", "Legacy Intranet", "INACTIVE", "BOOKMARK");
        var zoom = App("zoomus", "Zoom", "ACTIVE", "OPENID_CONNECT");

        var appGroup = org.AddGroup(OktaGroup.AppGroupType, "Salesforce Imported Users", "Imported from Salesforce", t.AddDays(1));
        appGroup.SourceAppIndex = salesforce.Index;
        org.AddMember(appGroup, users["maya.miller"], t);
        org.AddMember(appGroup, users["tara.tran"], t);
        org.AddMember(appGroup, users["quinn.quade"], t);

        var at = Epoch.AddDays(4);
        org.AssignAppGroup(salesforce, sales, 0, at);
        org.AssignAppGroup(salesforce, appGroup, 1, at);
        org.AssignAppUser(salesforce, users["carol.chen"], "carol.chen@acme.example", at);
        org.AssignAppGroup(slack, engineering, 0, at);
        org.AssignAppGroup(slack, contractors, 1, at);
        org.AssignAppUser(slack, users["alice.anderson"], "alice.anderson@acme.example", at);
        org.AssignAppUser(slack, users["maya.miller"], "maya", at);
        foreach (var name in new[] { "alice.anderson", "bob.brown", "kate.kim", "paul.park" })
        {
            org.AssignAppUser(github, users[name], name.Replace('.', '-'), at);
        }
        org.AssignAppGroup(workday, load, 0, at);
        org.AssignAppUser(workday, users["maya.miller"], "mmiller", at);
        org.AssignAppUser(intranet, users["bob.brown"], "bbrown", at);
        org.AssignAppUser(intranet, users["dave.davis"], "ddavis", at);
        org.AssignAppGroup(intranet, finance, 0, at);
        org.AssignAppGroup(zoom, admins, 0, at);

        var rt = Epoch.AddDays(5);
        CustomRole Custom(string label, string description, params string[] permissions)
        {
            var role = new CustomRole(IdFactory.Make("cr0", org.IdSalt, org.CustomRoles.Count), label, description) { Created = rt, LastUpdated = rt };
            role.Permissions.AddRange(permissions);
            org.CustomRoles.Add(role);
            return role;
        }
        var groupManager = Custom("Engineering Group Manager", "Manages membership of engineering groups", "okta.groups.members.manage", "okta.groups.read");
        var appAuditor = Custom("App Auditor", "Reads app assignments", "okta.apps.read");
        Custom("Unused Custom Role", "Defined but bound to nothing", "okta.users.read");

        ResourceSet Set(string label, string description, params string[] resources)
        {
            var set = new ResourceSet(IdFactory.Make("iam", org.IdSalt, org.ResourceSets.Count), label, description) { Created = rt, LastUpdated = rt };
            set.Resources.AddRange(resources);
            org.ResourceSets.Add(set);
            return set;
        }
        var engineeringResources = Set("Engineering Resources", "Engineering groups", $"api/v1/groups/{engineering.Id}", $"api/v1/groups/{load.Id}");
        var contractorApps = Set("Contractor Apps", "Apps contractors use", $"api/v1/apps/{slack.Id}", $"api/v1/apps/{github.Id}");

        org.AddRole("USER", users["okta.admin"].Index, "SUPER_ADMIN", StandardRoles.Labels["SUPER_ADMIN"], null, null, "ACTIVE", rt);
        org.AddRole("USER", users["break.glass"].Index, "SUPER_ADMIN", StandardRoles.Labels["SUPER_ADMIN"], null, null, "ACTIVE", rt);
        org.AddRole("USER", users["alice.anderson"].Index, "HELP_DESK_ADMIN", StandardRoles.Labels["HELP_DESK_ADMIN"], null, null, "ACTIVE", rt);
        org.AddRole("USER", users["alice.anderson"].Index, "APP_ADMIN", StandardRoles.Labels["APP_ADMIN"], null, null, "ACTIVE", rt);
        org.AddRole("USER", users["bob.brown"].Index, "READ_ONLY_ADMIN", StandardRoles.Labels["READ_ONLY_ADMIN"], null, null, "INACTIVE", rt);
        org.AddIamStandardRole("USER", users["kate.kim"].Index, "WORKFLOWS_ADMIN", rt);
        org.AddRole("GROUP", admins.Index, "SUPER_ADMIN", StandardRoles.Labels["SUPER_ADMIN"], null, null, "ACTIVE", rt);
        // scoped roles: one held directly, one through a group (whose member alice also holds it org-wide), one over apps
        var carolsGroups = org.AddRole("USER", users["carol.chen"].Index, "USER_ADMIN", StandardRoles.Labels["USER_ADMIN"], null, null, "ACTIVE", rt);
        org.AddGroupTarget(carolsGroups, engineering, rt);
        org.AddGroupTarget(carolsGroups, contractors, rt);
        var helpDeskScope = org.AddRole("GROUP", helpDesk.Index, "HELP_DESK_ADMIN", StandardRoles.Labels["HELP_DESK_ADMIN"], null, null, "ACTIVE", rt);
        org.AddGroupTarget(helpDeskScope, sales, rt);
        org.AddGroupTarget(helpDeskScope, contractors, rt);
        var noahsApps = org.AddRole("USER", users["noah.nguyen"].Index, "APP_ADMIN", StandardRoles.Labels["APP_ADMIN"], null, null, "ACTIVE", rt);
        org.AddAppTarget(noahsApps, new AppTarget(slack.Name, slack.Index), rt);
        org.AddAppTarget(noahsApps, new AppTarget(zoom.Name, null), rt);
        org.AddBindingMember(engineeringResources, groupManager.Id, "USER", users["carol.chen"].Index, rt);
        org.AddBindingMember(engineeringResources, groupManager.Id, "GROUP", engineering.Index, rt);
        org.AddBindingMember(contractorApps, appAuditor.Id, "USER", users["quinn.quade"].Index, rt);

        var tt = Epoch.AddDays(6);
        org.ApiTokens.Add(new ApiToken(IdFactory.Make("00T", org.IdSalt, 0), "OktaBaton sync", users["okta.admin"].Index, "Okta API", "P30D", "ANYWHERE", tt, tt, tt.AddDays(30)));
        org.ApiTokens.Add(new ApiToken(IdFactory.Make("00T", org.IdSalt, 1), "Legacy integration", users["break.glass"].Index, "Okta API", "P30D", "ANYWHERE", tt, tt.AddDays(1), null));
        org.ApiTokens.Add(new ApiToken(IdFactory.Make("00T", org.IdSalt, 2), "CI pipeline", users["alice.anderson"].Index, "Okta API", "PT12H", "ZONE", tt, tt, tt.AddDays(90)));
        AddFactors(org, users, Epoch.AddDays(7));
        AddDevices(org, users, Epoch.AddDays(8));
        _ = everyone;
        return org;
    }

    private static void AddFactors(OrgState org, Dictionary<string, OktaUser> users, DateTimeOffset at)
    {
        var count = 0;
        void Enroll(string who, string factorType, string provider) =>
            users[who].Factors.Add(new UserFactor(IdFactory.Make("opf", org.IdSalt, count++), factorType, provider, at));
        Enroll("okta.admin", "push", "OKTA");
        Enroll("okta.admin", "token:software:totp", "OKTA");
        Enroll("alice.anderson", "push", "OKTA");
        Enroll("alice.anderson", "token:software:totp", "GOOGLE");
        Enroll("bob.brown", "sms", "OKTA");
        Enroll("carol.chen", "push", "OKTA");
        Enroll("dave.davis", "push", "OKTA");
        Enroll("frank.fischer", "push", "OKTA");
        Enroll("grace.garcia", "token:software:totp", "GOOGLE");
        Enroll("iris.ito", "sms", "OKTA");
        Enroll("maya.miller", "push", "OKTA");
        Enroll("paul.park", "token:software:totp", "OKTA");
    }

    private static void AddDevices(OrgState org, Dictionary<string, OktaUser> users, DateTimeOffset at)
    {
        Device Add(string name, string platform, string manufacturer, string model, string osVersion, string? serial = null, string? udid = null, string? sid = null)
        {
            var device = new Device(org.Devices.Count, IdFactory.Make("guo", org.IdSalt, org.Devices.Count), name, platform)
            {
                Manufacturer = manufacturer,
                Model = model,
                OsVersion = osVersion,
                SerialNumber = serial,
                Udid = udid,
                Sid = sid,
                SecureHardwarePresent = platform is "MACOS" or "IOS",
                DiskEncryptionType = platform is "ANDROID" or "IOS" ? "USER" : "ALL_INTERNAL_VOLUMES",
                Created = at.AddHours(org.Devices.Count),
                LastUpdated = at.AddHours(org.Devices.Count),
            };
            org.Devices.Add(device);
            return device;
        }
        void Link(Device device, string who, string managementStatus = "MANAGED", string screenLock = "BIOMETRIC") =>
            device.Users.Add(new DeviceUserLink(users[who].Index, managementStatus, screenLock, device.Created));

        Link(Add("Alice's MacBook Pro", "MACOS", "Apple", "MacBookPro18,3", "14.5.0", "C02G81ZPQ6L4", "5A9F3C2E-1B7D-4E8A-9C6F-2D4B8E1A7C30"), "alice.anderson");
        Link(Add("Alice's iPhone", "IOS", "Apple", "iPhone15,2", "17.5.1", udid: "00008110-001A2B3C4D5E801E"), "alice.anderson", screenLock: "PASSCODE");
        Link(Add("FIN-LT-0042", "WINDOWS", "Dell Inc.", "Latitude 7440", "10.0.22631", "7XK3LZ3", sid: "S-1-5-21-3623811015-3361044348-30300820-1013"), "bob.brown");
        var kiosk = Add("ENG-LAB-07", "WINDOWS", "Lenovo", "ThinkCentre M70q", "10.0.19045", "MJ0GHT52", sid: "S-1-5-21-1004336348-1177238915-682003330-512");
        Link(kiosk, "carol.chen", screenLock: "PASSCODE");
        Link(kiosk, "liam.lopez", screenLock: "PASSCODE");
        Link(Add("Pixel 8", "ANDROID", "Google", "Pixel 8", "14:2024-06-05"), "noah.nguyen", "NOT_MANAGED", "PASSCODE");
        Link(Add("Frank's MacBook Air", "MACOS", "Apple", "Mac14,2", "13.6.7", "FVFHK0QXQ6L7", "8C1E5B9A-3F2D-4A6B-8E7C-1D9F0A2B3C4D"), "frank.fischer");
        Add("Unassigned loaner", "WINDOWS", "HP", "EliteBook 840 G10", "10.0.22631", "5CG3351QZ8").Status = "CREATED";
    }

    private static OktaUser AddPerson(OrgState org, Person person, DateTimeOffset created)
    {
        var profile = new UserProfile
        {
            Login = person.Login,
            Email = person.Login,
            SecondEmail = person.SecondEmail,
            FirstName = person.First,
            LastName = person.Last,
            DisplayName = $"{person.First} {person.Last}",
            EmployeeNumber = person.EmployeeNumber,
        };
        if (person.Department is not null)
        {
            profile.SetExtra("department", JsonSerializer.SerializeToElement(person.Department));
        }
        if (person.Title is not null)
        {
            profile.SetExtra("title", JsonSerializer.SerializeToElement(person.Title));
        }
        if (person.EmployeeIdNumber is not null)
        {
            profile.SetExtra("employeeIdNumber", JsonSerializer.SerializeToElement(person.EmployeeIdNumber));
        }
        var user = org.AddUser(profile, person.Status, created);
        if (person.Status is UserStatus.Deprovisioned)
        {
            // deactivation deletes the password for good (Okta help, "About user account status")
            user.LastLogin = created.AddDays(20);
        }
        else if (person.Status is not (UserStatus.Staged or UserStatus.Provisioned))
        {
            user.PasswordChanged = created;
            user.LastLogin = created.AddDays(20);
        }
        return user;
    }
}

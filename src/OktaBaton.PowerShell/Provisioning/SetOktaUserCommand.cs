using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using OktaBaton.Core.Provisioning;
using OktaBaton.PowerShell.Infrastructure;

namespace OktaBaton.PowerShell.Provisioning;

/// <summary>
/// Updates users' profiles: the common attributes as parameters, any other (custom) attribute with -Attribute or,
/// from CSV rows, -ExtraColumnsAsAttributes. A partial update: what is not given stays; an empty value changes
/// nothing (-Clear clears); nothing is sent when nothing would change (Unchanged).
/// </summary>
[Cmdlet(VerbsCommon.Set, "OktaUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = HelpLinks.Base + "Set-OktaUser.md")]
[OutputType(typeof(UserChange))]
public sealed class SetOktaUserCommand : ProvisioningCmdlet
{
    /// <summary>The user's Okta id or login.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Id", "Login", "PrincipalId")]
    [ValidateNotNullOrEmpty]
    public string UserId { get; set; } = string.Empty;

    /// <summary>A new login (username); the user's id or current login goes in -UserId.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? NewLogin { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("GivenName")]
    public string? FirstName { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("Surname")]
    public string? LastName { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? MiddleName { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? DisplayName { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Email { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? SecondEmail { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("JobTitle")]
    public string? Title { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Department { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Division { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("Company")]
    public string? Organization { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? EmployeeNumber { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? CostCenter { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? UserType { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? PrimaryPhone { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? MobilePhone { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? CountryCode { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? ManagerId { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Manager { get; set; }

    /// <summary>Any other attribute by its Okta name (custom ones included).</summary>
    [Parameter]
    public Hashtable? Attribute { get; set; }

    /// <summary>Attributes to clear.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[] Clear { get; set; } = System.Array.Empty<string>();

    /// <summary>The pipeline object (a CSV row), read only with -ExtraColumnsAsAttributes.</summary>
    [Parameter(ValueFromPipeline = true)]
    public PSObject? InputObject { get; set; }

    /// <summary>Properties of the pipeline object that no parameter takes become profile attributes of that name.</summary>
    [Parameter]
    public SwitchParameter ExtraColumnsAsAttributes { get; set; }

    protected override void ProcessRecord()
    {
        var request = new ProfileUpdateRequest { User = UserId };
        var typed = Typed().Where(t => !string.IsNullOrWhiteSpace(t.Value)).Select(t => new KeyValuePair<string, object?>(t.Name, t.Value));
        if (ExtraColumns.Collect(request.Set, typed, Attribute, ExtraColumnsAsAttributes, InputObject, MyInvocation.MyCommand) is { } twice)
        {
            WriteFailure(ExtraColumns.GivenTwice(twice), UserId, "User");
            return;
        }

        foreach (var name in Clear)
        {
            request.Clear.Add(name);
        }

        Provision(UserId, "User", (connection, confirm, ct) => new UserProfiles(connection.Client).UpdateAsync(request, confirm, ct));
    }

    private IEnumerable<(string Name, string? Value)> Typed()
    {
        yield return ("login", NewLogin);
        yield return ("firstName", FirstName);
        yield return ("lastName", LastName);
        yield return ("middleName", MiddleName);
        yield return ("displayName", DisplayName);
        yield return ("email", Email);
        yield return ("secondEmail", SecondEmail);
        yield return ("title", Title);
        yield return ("department", Department);
        yield return ("division", Division);
        yield return ("organization", Organization);
        yield return ("employeeNumber", EmployeeNumber);
        yield return ("costCenter", CostCenter);
        yield return ("userType", UserType);
        yield return ("primaryPhone", PrimaryPhone);
        yield return ("mobilePhone", MobilePhone);
        yield return ("countryCode", CountryCode);
        yield return ("managerId", ManagerId);
        yield return ("manager", Manager);
    }
}

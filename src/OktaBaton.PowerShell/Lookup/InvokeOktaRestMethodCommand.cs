using System.Management.Automation;
using System.Threading.Tasks;
using OktaBaton.Core.Lookup;

namespace OktaBaton.PowerShell.Lookup;

/// <summary>
/// Calls any Okta API path on the current connection (its token or OAuth/DPoP credentials, pacing, retries,
/// -Debug tracing) and returns the JSON answer as objects; arrays are written item by item.
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "OktaRestMethod", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = HelpLinks.Base + "Invoke-OktaRestMethod.md")]
[OutputType(typeof(PSObject))]
public sealed class InvokeOktaRestMethodCommand : LookupCmdlet
{
    /// <summary>A path on the org (/api/v1/…), or an absolute URL on the org (a next link).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Uri", "Url")]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = string.Empty;

    [Parameter]
    [ValidateSet("GET", "POST", "PUT", "PATCH", "DELETE", IgnoreCase = true)]
    public string Method { get; set; } = "GET";

    /// <summary>The JSON body: a hashtable or object (converted to JSON) or a JSON string.</summary>
    [Parameter]
    public object? Body { get; set; }

    /// <summary>Follows next links (Link headers, or /api/v1/iam's _links.next) and writes every item of every page.</summary>
    [Parameter]
    public SwitchParameter All { get; set; }

    protected override void ProcessRecord()
    {
        var method = Method.ToUpperInvariant();
        var json = Body is null ? null : PowerShellJson.ToJson(Body);
        if (method != "GET" && !ShouldProcess(Path, method))
        {
            return;
        }

        Stream(Path, "Request", (connection, ct) => Converted(new OktaRestCall(connection.Client).SendAsync(method, Path, json, All.IsPresent, ct)));
    }

    private static async System.Collections.Generic.IAsyncEnumerable<object?> Converted(System.Collections.Generic.IAsyncEnumerable<System.Text.Json.JsonElement> items)
    {
        await foreach (var item in items.ConfigureAwait(false))
        {
            yield return PowerShellJson.FromJson(item);
        }
    }
}

using System.Management.Automation;
using System.Management.Automation.Runspaces;
using Xunit;

namespace OktaBaton.PowerShell.Tests;

public class SmokeTests
{
    [Fact]
    public void ImportsModule()
    {
        var dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "OktaBaton.sln"))) dir = Path.GetDirectoryName(dir)!;
        var iss = InitialSessionState.CreateDefault2();
        iss.ImportPSModule(Path.Combine(dir, "out", "OktaBaton", "OktaBaton.psd1"));
        using var ps = System.Management.Automation.PowerShell.Create(iss);
        ps.AddScript("Get-OktaConnection; (Get-Command -Module OktaBaton).Name; Get-Command | Measure-Object | % Count");
        var r = ps.Invoke();
        foreach (var e in ps.Streams.Error) Console.WriteLine(e);
        Assert.Equal("placeholder", r[0].BaseObject);
    }
}

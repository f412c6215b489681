using OktaBaton.PowerShell.Tests.Infrastructure;
using OktaBaton.PowerShell.Tests.Sync;
using OktaBaton.Tests.Shared;

namespace OktaBaton.PowerShell.Tests.Reliability;

/// <summary>
/// The malformed-file matrix against every query cmdlet: each cut, edit or wrong encoding of a real sync file is one
/// terminating, categorised error naming the file, and not a single record reaches the pipeline before it — so
/// nothing downstream (Revoke-OktaEntitlement, Export-Csv) ever acts on part of a file.
/// </summary>
[Trait("Suite", "Reliability")]
public sealed class WholeFileCmdletTests(SyncFileFixture file) : IClassFixture<SyncFileFixture>
{
    private static readonly string[] Commands =
    [
        "Get-OktaSyncResource -Path $damaged",
        "Get-OktaSyncEntitlement -Path $damaged",
        "Get-OktaSyncGrant -Path $damaged",
        "Get-OktaSyncGrant -Path $damaged -Expand",
        "Compare-OktaSync -ReferencePath $damaged -DifferencePath $valid -Expand -IncludeResources",
        "Compare-OktaSync -ReferencePath $valid -DifferencePath $damaged -Expand -IncludeResources",
    ];

    public static IEnumerable<object[]> Damages() => SyncFileDamage.Names();

    [Theory]
    [MemberData(nameof(Damages))]
    public void EveryQueryCmdletRefusesTheDamagedFileWithoutARecord(string damageName)
    {
        var damage = SyncFileDamage.Named(damageName);
        var damaged = Path.Combine(file.Directory, "damaged-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllBytes(damaged, damage.Apply(File.ReadAllBytes(file.SyncPath)));
        try
        {
            using var session = new ModuleSession();
            foreach (var command in Commands)
            {
                // every record that reached the pipeline is counted, even if the command fails afterwards
                var run = session.Run("$script:emitted = 0; " + command + " | ForEach-Object { $script:emitted++ }; $script:emitted",
                    new Dictionary<string, object?> { ["damaged"] = damaged, ["valid"] = file.SyncPath });
                var error = run.SingleError();
                Assert.Equal(damage.IsVersion ? "OktaSyncFileVersionUnsupported" : "OktaSyncFileInvalid", error.FullyQualifiedErrorId.Split(',')[0]);
                Assert.Equal(System.Management.Automation.ErrorCategory.InvalidData, error.CategoryInfo.Category);
                Assert.Equal(damaged, error.TargetObject);
                Assert.Contains("line ", error.Exception.Message, StringComparison.Ordinal);
                var emitted = Convert.ToInt32(Assert.Single(run.Output).BaseObject, System.Globalization.CultureInfo.InvariantCulture);
                Assert.True(emitted == 0, $"{command}: {emitted} records before the error ({damageName})");
            }
        }
        finally
        {
            File.Delete(damaged);
        }
    }
}

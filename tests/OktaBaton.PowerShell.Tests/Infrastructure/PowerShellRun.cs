using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Text;

namespace OktaBaton.PowerShell.Tests.Infrastructure;

/// <summary>Everything one script run produced, stream by stream.</summary>
public sealed class PowerShellRun
{
    public required Collection<PSObject> Output { get; init; }

    public required IReadOnlyList<ErrorRecord> Errors { get; init; }

    public required IReadOnlyList<string> Warnings { get; init; }

    public required IReadOnlyList<string> Verbose { get; init; }

    public required IReadOnlyList<string> Debug { get; init; }

    public required IReadOnlyList<ProgressRecord> Progress { get; init; }

    public required IReadOnlyList<string> Information { get; init; }

    /// <summary>
    /// The text of every stream, every error's exception (ToString, with stack and inner exceptions),
    /// details and target, and every output object's properties — for secret scans.
    /// </summary>
    public string AllText()
    {
        var text = new StringBuilder();
        foreach (var item in Output)
        {
            text.AppendLine(item?.ToString());
            if (item is null)
            {
                continue;
            }

            foreach (var property in item.Properties)
            {
                object? value;
                try
                {
                    value = property.Value;
                }
                catch (GetValueInvocationException)
                {
                    continue;
                }

                text.Append(property.Name).Append('=').AppendLine(value?.ToString());
            }
        }

        foreach (var error in Errors)
        {
            text.AppendLine(error.ToString());
            text.AppendLine(error.Exception?.ToString());
            text.AppendLine(error.ErrorDetails?.Message);
            text.AppendLine(error.ErrorDetails?.RecommendedAction);
            text.AppendLine(error.TargetObject?.ToString());
            text.AppendLine(error.CategoryInfo.ToString());
        }

        foreach (var line in Warnings.Concat(Verbose).Concat(Debug).Concat(Information))
        {
            text.AppendLine(line);
        }

        foreach (var progress in Progress)
        {
            text.AppendLine(progress.Activity).AppendLine(progress.StatusDescription).AppendLine(progress.CurrentOperation);
        }

        return text.ToString();
    }

    public ErrorRecord SingleError()
    {
        Assert.True(Errors.Count == 1, $"expected one error, got {Errors.Count}: {string.Join(" | ", Errors.Select(e => e.FullyQualifiedErrorId + ": " + e))}");
        return Errors[0];
    }

    public void AssertNoErrors() =>
        Assert.True(Errors.Count == 0, "unexpected errors: " + string.Join(" | ", Errors.Select(e => e.FullyQualifiedErrorId + ": " + e)));
}

using System.Collections.Concurrent;
using OktaBaton.Simulator;

namespace OktaBaton.Contract;

/// <summary>
/// Checks every exchange of one simulator against Okta's spec as it happens, and fails the simulator's stop when
/// any differed (outside the allow-list): the test that used the simulator fails, naming each difference.
/// </summary>
public sealed class ContractRecorder : ISimulatorObserver
{
    private const int Shown = 25;
    private readonly ExchangeValidator _validator;
    private readonly AllowList _allowList;
    private readonly ConcurrentDictionary<string, int> _violations = new(StringComparer.Ordinal);

    public ContractRecorder(ContractSpec spec, AllowList allowList)
    {
        _validator = new ExchangeValidator(spec);
        _allowList = allowList;
    }

    /// <summary>For the simulators of a test assembly: Okta's spec and allow-list as the repository holds them.</summary>
    public static ContractRecorder ForOkta() => new(ContractSpec.Okta, AllowList.Okta);

    /// <summary>Every operation seen so far in this process, with how often (for the suite's own tests).</summary>
    public static ConcurrentDictionary<string, int> OperationsSeen { get; } = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Violations => _violations.Keys.ToList();

    public void OnExchange(SimulatorExchange exchange)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        List<Violation> found;
        try
        {
            found = _validator.Validate(exchange);
        }
        catch (Exception e) when (e is InvalidOperationException or KeyNotFoundException or FormatException)
        {
            _violations.AddOrUpdate($"{exchange.Method} {exchange.Path}: the contract suite could not check it: {e.Message}", 1, (_, n) => n + 1);
            return;
        }
        if (exchange.RouteTemplate is not null) OperationsSeen.AddOrUpdate($"{exchange.Method} {exchange.RouteTemplate}", 1, (_, n) => n + 1);
        foreach (var violation in found.Where(v => !_allowList.Allows(v)))
        {
            _violations.AddOrUpdate(violation.ToString(), 1, (_, n) => n + 1);
        }
    }

    public void OnStopped()
    {
        if (_violations.IsEmpty) return;
        var lines = _violations.OrderBy(v => v.Key, StringComparer.Ordinal).Take(Shown).Select(v => $"  {v.Key}{(v.Value > 1 ? $" (×{v.Value})" : "")}");
        throw new ContractViolationException(
            $"The simulator or the client drifted from Okta's OpenAPI spec ({_violations.Count} difference(s); tests/OktaBaton.Contract/README.md says what to do):\n" +
            string.Join("\n", lines) + (_violations.Count > Shown ? $"\n  … and {_violations.Count - Shown} more" : string.Empty));
    }
}

public sealed class ContractViolationException : Exception
{
    public ContractViolationException(string message)
        : base(message)
    {
    }

    public ContractViolationException()
    {
    }

    public ContractViolationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

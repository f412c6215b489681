using System.Runtime.CompilerServices;
using OktaBaton.Contract;
using OktaBaton.Simulator;

namespace OktaBaton.Tests.Shared;

/// <summary>
/// Every simulator a test starts checks each request OktaBaton's client sends and each answer it gives against
/// Okta's OpenAPI spec (tests/OktaBaton.Contract), whichever fixture started it; a difference fails the test
/// when the simulator stops.
/// </summary>
internal static class ContractHook
{
#pragma warning disable CA2255 // a test assembly's one-time setup: every simulator of the process is checked
    [ModuleInitializer]
    internal static void CheckEveryExchange() => SimulatorHost.DefaultObserverFactory = ContractRecorder.ForOkta;
#pragma warning restore CA2255
}

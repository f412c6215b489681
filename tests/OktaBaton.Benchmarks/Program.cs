namespace OktaBaton.Benchmarks;

internal static class Program
{
    private static int Main()
    {
        Console.Error.WriteLine("The sync benchmark arrives with the performance issue; nothing to run yet.");
        return 2;
    }
}

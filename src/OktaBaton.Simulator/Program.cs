namespace OktaBaton.Simulator;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        await Task.Yield();
        Console.Error.WriteLine("not implemented yet");
        return 2;
    }
}

using GradingHost.Checks;
using GradingHost.Checks.LayerNorm;
using Xunit.Runner.InProc.SystemConsole;

// The host runs these checks once, or keeps this process for a whole batch (ResidentChecker --resident).
return ResidentChecker.Main(args, arguments =>
{
    // Not ConsoleRunner.Run: after it returns, a watchdog ends a process that is still alive 11 s later.
    using var runner = new ConsoleRunner(arguments);
    return runner.EntryPoint(TextReader.Null, Console.Out).GetAwaiter().GetResult();
}, ReferenceModel.Calibration);

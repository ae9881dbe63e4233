using System.Text.Json;
using Xunit.Runner.InProc.SystemConsole;

namespace GradingHost.Checks;

/// <summary>
/// Every grader's entry point. Run with xunit's arguments, it checks one submission, as xunit's own
/// entry point would. Run with <see cref="Flag"/>, it stays: it reads one <see cref="CheckerRequest"/> per
/// line on standard input, runs the checks with that grading's settings, and ends each with a line
/// <c><see cref="DoneMarker"/> id exit-code</c>. A batch so pays once for the runtime, the compiled checks
/// and the reference; each submission still runs in its own sandboxed worker, started and stopped within
/// its grading. The checker is trusted code, like the host: nothing of a student's runs here. Run with
/// <see cref="CalibrateFlag"/> profile seed…, it trains its reference at each seed instead and writes one
/// <see cref="CalibratedSeed"/> per line (`gradinghost calibrate`).
/// </summary>
public static class ResidentChecker
{
    public const string Flag = "--resident";
    public const string DoneMarker = "##gradinghost-checks-done";
    public const string CalibrateFlag = "--calibrate";

    /// <param name="calibration">the grader's reference model as a training check trains it; null when no item grades perplexity</param>
    public static int Main(string[] args, ICalibratedTraining? calibration = null)
    {
        if (args is [CalibrateFlag, var profileName, .. var seeds])
            return Calibrate(calibration, profileName, seeds);
        if (args is not [Flag])
            return RunChecks(args);
        while (Console.In.ReadLine() is { } line)
        {
            var request = JsonSerializer.Deserialize<CheckerRequest>(line)
                ?? throw new InvalidDataException("The host sent an empty request.");
            foreach (var (name, value) in request.Environment)
                Environment.SetEnvironmentVariable(name, value);
            var exitCode = 1;
            var clean = true;
            try
            {
                exitCode = RunChecks([.. request.Arguments]);
            }
            catch (Exception e)
            {
                Console.Error.WriteLine($"The checks could not run: {e}");
            }
            finally
            {
                // Stops this submission's worker and forgets what the checks learned of its code.
                clean = GradingBoundary.End();
                // The grading's tensors are libtorch memory that only their finalizers free; the managed heap
                // alone is too small to prompt a collection, and a checker would grow by every grading's tensors.
                GC.Collect();
                GC.WaitForPendingFinalizers();
                GC.Collect();
            }
            // On a line of its own, whatever the checks left unfinished on the last one.
            Console.Out.WriteLine();
            Console.Out.WriteLine($"{DoneMarker} {request.Id} {exitCode}");
            Console.Out.Flush();
            // State that could not be forgotten must not meet the next student: the host starts a fresh checker.
            if (!clean)
                return 3;
        }
        return 0;
    }

    /// <summary>xunit's in-process runner on the grader (the entry assembly), as its generated entry point would run it.</summary>
    private static int RunChecks(string[] arguments)
    {
        // Not ConsoleRunner.Run: after it returns, a watchdog ends a process that is still alive 11 s later.
        using var runner = new ConsoleRunner(arguments);
        return runner.EntryPoint(TextReader.Null, Console.Out).GetAwaiter().GetResult();
    }

    private static int Calibrate(ICalibratedTraining? calibration, string profileName, string[] seeds)
    {
        if (calibration is null)
        {
            Console.Error.WriteLine("This grader trains no model that a rubric item grades: there is nothing to calibrate.");
            return 2;
        }
        // As a grading trains: libtorch on one thread (OneTorchThread), the cache shared with gradings.
        TorchSharp.torch.set_num_threads(1);
        var profile = Course.Kit.TrainingProfile.Named(profileName);
        foreach (var seed in seeds.Select(ulong.Parse))
            Console.Out.WriteLine(JsonSerializer.Serialize(calibration.Measure(profile, seed)));
        return 0;
    }
}

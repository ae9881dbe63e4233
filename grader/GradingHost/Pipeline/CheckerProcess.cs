using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GradingHost.Checks;

namespace GradingHost.Pipeline;

/// <summary>
/// One resident checker (<see cref="ResidentChecker"/>): a trusted child process that keeps a grader's
/// checks, the runtime and the reference loaded and grades one submission at a time. One that hung past
/// its limit or died is killed and never used again; the pool starts another.
/// </summary>
public sealed class CheckerProcess : IDisposable
{
    private const int OutputTailChars = 4_000;

    private readonly Process _process;
    private readonly Lock _gate = new();
    private StringBuilder _output = new();
    private string? _awaited;
    private Action<TrainingProgressReport>? _progress;
    private TaskCompletionSource<int?> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _exited;

    private CheckerProcess(Process process) => _process = process;

    public string GraderAssembly { get; private init; } = "";

    /// <summary>False once it died or was killed: it takes no further grading.</summary>
    public bool Usable { get; private set; } = true;

    public DateTimeOffset IdleSince { get; set; } = DateTimeOffset.UtcNow;

    /// <summary>How a grader's process is started, to check (<see cref="ResidentChecker.Flag"/>) or to calibrate its reference.</summary>
    internal static ProcessStartInfo StartInfo(string graderAssembly, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            // Nothing is read relative to it; a worker run --unsandboxed inherits it, so not the grader's build folder.
            WorkingDirectory = Path.GetTempPath(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(graderAssembly);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        // Measured for a checker per grading (0.5 s of CPU each); a resident one keeps it off too, so that its first grading, the slowest, is not slowed.
        start.Environment["DOTNET_TieredPGO"] = "0";
        // The checker trains the reference models: keep freed activations instead of returning them to the kernel each step.
        start.Environment["MALLOC_MMAP_THRESHOLD_"] = (64 << 20).ToString(CultureInfo.InvariantCulture);
        start.Environment["MALLOC_TRIM_THRESHOLD_"] = (128 << 20).ToString(CultureInfo.InvariantCulture);
        return start;
    }

    public static CheckerProcess Start(string graderAssembly)
    {
        var start = StartInfo(graderAssembly, [ResidentChecker.Flag]);
        var checker = new CheckerProcess(new Process { StartInfo = start }) { GraderAssembly = graderAssembly };
        checker._process.OutputDataReceived += (_, e) => checker.Received(e.Data, standardOutput: true);
        checker._process.ErrorDataReceived += (_, e) => checker.Received(e.Data, standardOutput: false);
        checker._process.Start();
        checker._process.BeginOutputReadLine();
        checker._process.BeginErrorReadLine();
        return checker;
    }

    /// <summary>Runs one grading's checks; waits at most <paramref name="wait"/>, then kills the checker.</summary>
    /// <param name="progress">hears how far the grading's trainings have got (<see cref="TrainingProgress"/>)</param>
    /// <returns>whether the checks ran to their end; xunit's exit code then, the checker's own when it died, none when it ran out of time</returns>
    public (bool Completed, bool TimedOut, int? ExitCode, string OutputTail) Run(
        IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string?> environment, TimeSpan wait, Action<TrainingProgressReport>? progress = null)
    {
        try
        {
            lock (_gate)
                _progress = progress;
            return Send(arguments, environment, wait);
        }
        catch
        {
            // Whatever went wrong, it may have read half a request: no further grading for it.
            Usable = false;
            Kill();
            throw;
        }
        finally
        {
            lock (_gate)
                _progress = null;
        }
    }

    /// <summary>Whether it wrote anything at all for the last request: one that died before it did was dead already.</summary>
    public bool Answered { get; private set; }

    private (bool Completed, bool TimedOut, int? ExitCode, string OutputTail) Send(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string?> environment, TimeSpan wait)
    {
        var id = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        Task<int?> done;
        lock (_gate)
        {
            _output = new StringBuilder();
            _awaited = id;
            Answered = false;
            _done = new TaskCompletionSource<int?>(TaskCreationOptions.RunContinuationsAsynchronously);
            done = _done.Task;
            if (_exited)
                _done.TrySetResult(null);
        }
        try
        {
            _process.StandardInput.WriteLine(JsonSerializer.Serialize(new CheckerRequest(id, arguments, environment)));
            _process.StandardInput.Flush();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // It has died; the wait below sees it.
        }
        var finished = done.Wait(wait);
        if (!finished || done.Result is null)
        {
            Usable = false;
            Kill();
        }
        string tail;
        lock (_gate)
        {
            _awaited = null;
            tail = _output.Length > OutputTailChars ? _output.ToString(_output.Length - OutputTailChars, OutputTailChars) : _output.ToString();
        }
        if (!finished)
            return (false, true, null, tail);
        return done.Result is { } code ? (true, false, code, tail) : (false, false, ExitCodeOrNull(), tail);
    }

    public void Dispose()
    {
        Usable = false;
        try
        {
            // End of input: the checker finishes and exits by itself.
            _process.StandardInput.Close();
            if (!_process.WaitForExit(TimeSpan.FromSeconds(10)))
                Kill();
        }
        catch (Exception e) when (e is IOException or InvalidOperationException)
        {
            Kill();
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or AggregateException)
        {
            // The process could not be signalled: nothing more to do for it.
        }
        _process.Dispose();
    }

    private void Received(string? line, bool standardOutput)
    {
        lock (_gate)
        {
            if (line is null)
            {
                if (standardOutput)
                {
                    _exited = true;
                    Usable = false;
                    _done.TrySetResult(null);
                }
                return;
            }
            if (standardOutput && _awaited is { } id && line.StartsWith($"{ResidentChecker.DoneMarker} {id} ", StringComparison.Ordinal)
                && int.TryParse(line.AsSpan(ResidentChecker.DoneMarker.Length + id.Length + 2), CultureInfo.InvariantCulture, out var code))
            {
                _done.TrySetResult(code);
                return;
            }
            if (_awaited is not null)
                Answered = true;
            if (standardOutput && TrainingProgress.Parse(line) is { } report)
            {
                _progress?.Invoke(report);
                return;
            }
            _output.AppendLine(line);
            if (_output.Length > 16 * OutputTailChars)
                _output.Remove(0, _output.Length - OutputTailChars);
        }
    }

    private int? ExitCodeOrNull()
    {
        try
        {
            return _process.WaitForExit(TimeSpan.FromSeconds(5)) ? _process.ExitCode : null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>Never throws: a checker that cannot be killed (already gone, or no longer ours to signal) is left to its own exit.</summary>
    private void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(TimeSpan.FromSeconds(10));
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or AggregateException or NotSupportedException)
        {
            // Already gone, or not signallable.
        }
    }
}

using System.Diagnostics;
using System.Text;

namespace GradingHost.Sandbox;

/// <summary>
/// A process started by <see cref="Sandbox"/>: its standard input and output for the caller's protocol,
/// the tail of its standard error, and a kill that reaches everything it started.
/// </summary>
public sealed class SandboxedProcess : IDisposable
{
    private const int ErrorTailChars = 8_000;
    private const int ErrorHeadChars = 8_000;

    private readonly Process _process;
    private readonly Cgroup? _cgroup;
    private readonly StringBuilder _errors = new();
    private readonly StringBuilder _errorHead = new();
    private readonly TaskCompletionSource _errorsClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _killed;

    internal SandboxedProcess(ProcessStartInfo start, Cgroup? cgroup)
    {
        _cgroup = cgroup;
        _process = new Process { StartInfo = start };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                _errorsClosed.TrySetResult();
                return;
            }
            lock (_errors)
            {
                if (_errorHead.Length < ErrorHeadChars)
                    _errorHead.AppendLine(e.Data.Length > ErrorHeadChars ? e.Data[..ErrorHeadChars] : e.Data);
                _errors.AppendLine(e.Data);
                // A flood of output must not exhaust the host's memory: only the tail is kept.
                if (_errors.Length > 4 * ErrorTailChars)
                    _errors.Remove(0, _errors.Length - ErrorTailChars);
            }
        };
        Launcher.Run(() => _process.Start());
        _process.BeginErrorReadLine();
    }

    public Stream Input => _process.StandardInput.BaseStream;

    public Stream Output => _process.StandardOutput.BaseStream;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>The last lines the process wrote to standard error.</summary>
    public string ErrorTail
    {
        get
        {
            AwaitErrors();
            lock (_errors)
                return _errors.Length > ErrorTailChars ? _errors.ToString(_errors.Length - ErrorTailChars, ErrorTailChars) : _errors.ToString();
        }
    }

    /// <summary>The first lines the process wrote to standard error: where a runtime's crash report (a stack overflow's) starts.</summary>
    public string ErrorHead
    {
        get
        {
            AwaitErrors();
            lock (_errors)
                return _errorHead.ToString();
        }
    }

    /// <summary>What a process printed just before it died may still be in the pipe for a moment.</summary>
    private void AwaitErrors()
    {
        if (_process.HasExited)
            _errorsClosed.Task.Wait(TimeSpan.FromSeconds(2));
    }

    public bool WaitForExit(TimeSpan timeout) => _process.WaitForExit(timeout);

    public Task WaitForExitAsync(CancellationToken cancellationToken = default) => _process.WaitForExitAsync(cancellationToken);

    /// <summary>How it ended; call once it has exited.</summary>
    public ExitReport Exit
    {
        get
        {
            int? code = _process.HasExited ? _process.ExitCode : null;
            // bubblewrap and the shell report a child killed by signal n as exit status 128 + n.
            int? signal = code is > 128 and < 160 ? code - 128 : null;
            return new ExitReport(code, signal, _cgroup?.OomKilled ?? false, _cgroup?.TaskLimitHit ?? false, _killed);
        }
    }

    /// <summary>Kills the sandbox: the process, everything it started (detached or not), and waits for them.</summary>
    public void Kill()
    {
        _killed = true;
        try
        {
            if (!_process.HasExited)
                _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
        }
        _cgroup?.KillAll();
        _process.WaitForExit(TimeSpan.FromSeconds(10));
    }

    public void Dispose()
    {
        if (!_process.HasExited)
            Kill();
        _cgroup?.Dispose();
        _process.Dispose();
    }
}

using System.Reflection;
using System.Text;
using GradingHost.Protocol;
using GradingHost.Sandbox;
using GradingHost.Worker.Serving;
using StreamJsonRpc;
using static TorchSharp.torch;

namespace GradingHost.Checks;

/// <summary>
/// The one way checks reach code: an <see cref="IWorker"/> and what went wrong with it, as feedback.
/// The submission's connection is a worker process in the sandbox (<see cref="ForSubmission"/>), started
/// on first use and again after the student's code crashed it, hung or broke the protocol; the
/// reference's is the same service in this process (<see cref="InProcess"/>), so that both run through
/// one implementation of every operation.
/// </summary>
public sealed class WorkerConnection : IDisposable, IForgettable
{
    /// <summary>The worker's build folder (Grader.Worker.dll and its dependencies).</summary>
    public const string WorkerVariable = "GRADINGHOST_WORKER";
    public const string MemoryVariable = "GRADINGHOST_MEMORY_MB";
    /// <summary>The grading's cgroup group (the host removes it, and anything left in it, afterwards).</summary>
    public const string GroupVariable = "GRADINGHOST_GROUP";
    /// <summary>When the host will stop the grading, in Unix seconds: no call may wait past it.</summary>
    public const string DeadlineVariable = "GRADINGHOST_DEADLINE";

    public const int DefaultMemoryMegabytes = 4096;
    public const int TaskLimit = 256;

    /// <summary>Any call but training: far above what correct code needs (milliseconds).</summary>
    public static readonly TimeSpan CallLimit = TimeSpan.FromSeconds(20);
    /// <summary>Once a call has hung, later ones are given less, so one endless loop does not eat the whole time limit.</summary>
    public static readonly TimeSpan AfterHangLimit = TimeSpan.FromSeconds(5);
    /// <summary>The checker stops calling into student code this long before its deadline, to report in time.</summary>
    public static readonly TimeSpan DeadlineMargin = TimeSpan.FromSeconds(5);

    /// <summary>Code that crashes its worker on every call is not started a ninth time: each start costs a second, and the verdict is clear.</summary>
    public const int MaxStarts = 8;

    /// <summary>Each grading's own: a resident checker stops it when the grading ends (<see cref="GradingBoundary"/>).</summary>
    private static readonly PerGrading<WorkerConnection> Submission = new(FromEnvironment);

    static WorkerConnection() => AppDomain.CurrentDomain.ProcessExit += (_, _) => _ = GradingBoundary.End();

    private readonly Func<WorkerConnection, (IWorker Worker, SandboxedProcess? Process, JsonRpc? Rpc)> _start;
    private (IWorker Worker, SandboxedProcess? Process, JsonRpc? Rpc)? _session;
    private bool _hungBefore;
    /// <summary>Starts in this grading: <see cref="MaxStarts"/> bounds a student's crashes, not the gradings a resident checker serves.</summary>
    private int _starts;
    /// <summary>Set for good by <see cref="Dispose"/>: a warm-up that runs late starts no worker for a grading that has ended.</summary>
    private bool _disposed;
    /// <summary>Why the current session's connection broke, when it did: a worker that wrote garbage is told apart from one that died.</summary>
    private volatile JsonRpcDisconnectedEventArgs? _disconnected;
    private readonly Lock _gate = new();

    private WorkerConnection(bool isSubmission, string? sandbox, long memoryBytes,
        Func<WorkerConnection, (IWorker, SandboxedProcess?, JsonRpc?)> start)
    {
        (IsSubmission, SandboxDescription, MemoryBytes, _start) = (isSubmission, sandbox, memoryBytes, start);
    }

    /// <summary>The submission's worker, as the environment describes it (the host sets it; the public tests run it in-process).</summary>
    public static WorkerConnection ForSubmission => Submission.Value;

    /// <summary>A worker service in this process: the reference's, or a student's own code in the public tests.</summary>
    /// <remarks>Its service is dropped when a grading ends, and with it the modules the grading built; the next call starts a fresh one.</remarks>
    public static WorkerConnection InProcess(Assembly assembly, bool isSubmission)
    {
        var connection = new WorkerConnection(isSubmission, null, 0, self => (new WorkerService(assembly, self.Callbacks), null, null));
        GradingBoundary.Track(connection);
        return connection;
    }

    public bool IsSubmission { get; }

    /// <summary>How the code is confined, for the report; null when it runs in this process.</summary>
    public string? SandboxDescription { get; }

    public long MemoryBytes { get; }

    /// <summary>Incremented at each (re)start; handles from an earlier worker are void.</summary>
    public int Generation { get; private set; }

    public CheckerCallbacks Callbacks { get; } = new();

    /// <summary>Runs <paramref name="call"/> on the worker within <paramref name="limit"/> (or <see cref="CallLimit"/>; <see cref="Timeout.InfiniteTimeSpan"/>: until the deadline).</summary>
    /// <param name="doing">what the call does, for messages: "Running your MLP on input (2, 7, 20)"</param>
    public T Call<T>(string doing, Func<IWorker, Task<T>> call, TimeSpan? limit = null)
    {
        (IWorker Worker, SandboxedProcess? Process, JsonRpc? Rpc) session;
        lock (_gate)
        {
            if (_session is null && _starts >= MaxStarts)
                throw new StudentCodeFailed($"{doing} was not attempted: your code had already crashed or hung the process running it {_starts} times, so the remaining calls were skipped.");
            session = _session ??= Start();
        }
        var allowed = Allowed(limit, doing);
        try
        {
            var task = call(session.Worker);
            return task.WaitAsync(allowed).GetAwaiter().GetResult();
        }
        catch (TimeoutException)
        {
            _hungBefore = true;
            Stop();
            throw new StudentCodeFailed($"{doing}, your code did not finish within {allowed.TotalSeconds:0} s (an endless loop, or work far beyond what the task needs); it was stopped.");
        }
        catch (Exception e) when (Fault(e) is { } fault)
        {
            throw Translate(fault, doing);
        }
        catch (RemoteInvocationException e) when (IsSubmission)
        {
            // The worker answered with an error of its own rather than the student's: it is still there, but this call produced nothing.
            throw new StudentCodeFailed($"{doing}, the process running your code failed: {FirstLine(Clean(e.Message))}");
        }
        catch (Exception e) when (IsSubmission && e is ConnectionLostException or RemoteRpcException or ObjectDisposedException or IOException or InvalidDataException
                                    or MessagePack.MessagePackSerializationException)
        {
            var why = Crashed(session, e);
            Stop();
            throw new StudentCodeFailed($"{doing}, {why}");
        }
    }

    public void Call(string doing, Func<IWorker, Task> call, TimeSpan? limit = null) =>
        Call(doing, async worker =>
        {
            await call(worker).ConfigureAwait(false);
            return true;
        }, limit);

    /// <summary>A tensor the worker sent, checked field by field; one that does not describe a tensor ends the worker.</summary>
    public Tensor Read(TensorData? data, string doing)
    {
        try
        {
            return TensorWire.FromWire(data ?? throw new InvalidDataException("no tensor"));
        }
        catch (InvalidDataException e) when (IsSubmission)
        {
            Stop();
            throw new StudentCodeFailed($"{doing}, the process running your code answered with {e.Message}, which is not a tensor the grader can read.");
        }
    }

    /// <summary>
    /// Starts the worker in the background, so that its start (a second: the runtime, libtorch, the
    /// protocol's serialisers) overlaps the checker's own. Runs no student code. It neither waits for the
    /// answer nor times it: the worker answers calls one at a time, so a check's long call (training) may
    /// run first, and the warm-up must never stop a worker that is busy with it.
    /// </summary>
    public void WarmUp() => Task.Run(() =>
    {
        try
        {
            IWorker? worker;
            lock (_gate)
            {
                if (_session is null && _starts < MaxStarts)
                    _session = Start();
                worker = _session?.Worker;
            }
            worker?.ReadyAsync().ContinueWith(t => _ = t.Exception, TaskScheduler.Default);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or System.ComponentModel.Win32Exception)
        {
            // A worker that cannot start is met again, and reported, by the first check that calls it.
        }
    });

    public void Dispose()
    {
        lock (_gate)
            _disposed = true;
        Stop();
    }

    /// <summary>
    /// Ends this connection's part in a grading: its worker is stopped (with every module it held), and the
    /// next call starts a fresh one, with the whole allowance of <see cref="MaxStarts"/>.
    /// </summary>
    public void Forget()
    {
        Stop();
        lock (_gate)
        {
            _starts = 0;
            _hungBefore = false;
        }
    }

    private (IWorker Worker, SandboxedProcess? Process, JsonRpc? Rpc) Start()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        Generation++;
        _starts++;
        _disconnected = null;
        var session = _start(this);
        if (session.Rpc is { } rpc)
            rpc.Disconnected += (_, e) => _disconnected ??= e;
        return session;
    }

    private void Stop()
    {
        (IWorker Worker, SandboxedProcess? Process, JsonRpc? Rpc) session;
        lock (_gate)
        {
            if (_session is not { } running)
                return;
            session = running;
            _session = null;
        }
        session.Process?.Kill();
        session.Rpc?.Dispose();
        session.Process?.Dispose();
    }

    private TimeSpan Allowed(TimeSpan? limit, string doing)
    {
        var allowed = limit ?? (_hungBefore ? AfterHangLimit : CallLimit);
        if (Deadline is { } deadline)
        {
            // Stop before the host does, so the check can say which call ran out of time.
            var left = deadline - DateTimeOffset.UtcNow - DeadlineMargin;
            if (left <= TimeSpan.Zero)
                throw new StudentCodeFailed($"{doing} was not attempted: the grading's time limit had been reached (earlier calls into your code used it up).");
            if (allowed == Timeout.InfiniteTimeSpan || allowed > left)
                allowed = left;
        }
        return allowed == Timeout.InfiniteTimeSpan ? TimeSpan.FromDays(1) : allowed;
    }

    private static DateTimeOffset? Deadline =>
        long.TryParse(Environment.GetEnvironmentVariable(DeadlineVariable), out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;

    private static StudentFault? Fault(Exception e) => e switch
    {
        RemoteInvocationException { ErrorCode: FaultCodes.StudentCode, DeserializedErrorData: StudentFault fault } => fault,
        LocalRpcException { ErrorCode: FaultCodes.StudentCode, ErrorData: StudentFault fault } => fault,
        _ => null,
    };

    private Exception Translate(StudentFault fault, string doing)
    {
        var message = Clean(fault.Message ?? "");
        if (!IsSubmission)
            return new InvalidOperationException($"{doing}, the reference threw {string.Join(" / ", fault.ExceptionTypes ?? [])}: {message}");
        var types = fault.ExceptionTypes ?? [];
        var type = types.Count > 0 ? Clean(types[0])[(Clean(types[0]).LastIndexOf('.') + 1)..] : "an exception";
        var where = fault.Location is { } location ? $" (at {Clean(location)})" : "";
        var context = fault.Context is { } c ? $" in {Clean(c)}" : "";
        return fault.Kind switch
        {
            FaultKind.NotImplemented => new NotImplementedException(message),
            FaultKind.Contract => new StudentCodeFailed(message, fault),
            _ when types.Contains("System.OutOfMemoryException") || message.Contains("can't allocate memory", StringComparison.Ordinal) =>
                new StudentCodeFailed($"{doing}, your code ran out of memory{where}: grading allows {Sandbox.Sandbox.Describe(MemoryBytes)}, far more than the task needs. Look for a tensor that grows with every call or step.", fault),
            // The course's code (the training loop's loss, say) threw on what the student's code returned: a wrong answer, not a crash.
            _ when !fault.RaisedInSubmission => new StudentFeedback($"{doing}, the course's code could not use what your code returned ({type}: {FirstLine(message)}).", fault),
            _ => new StudentCodeFailed($"{doing}, your code threw {type}{context}: {FirstLine(message)}{where}", fault),
        };
    }

    /// <summary>Why the worker stopped answering, in the student's terms.</summary>
    private string Crashed((IWorker Worker, SandboxedProcess? Process, JsonRpc? Rpc) session, Exception cause)
    {
        if (cause is InvalidDataException or MessagePack.MessagePackSerializationException)
            return $"the process running your code sent something the grader could not read ({Clean(cause.Message)}); it was stopped.";
        if (_disconnected is { Reason: DisconnectedReason.ParseError or DisconnectedReason.StreamError or DisconnectedReason.RemoteProtocolViolation or DisconnectedReason.FatalException } broken && broken.Exception is not (null or EndOfStreamException))
            return $"the process running your code sent something the grader could not read ({Clean(broken.Exception.Message)}); it was stopped.";
        var process = session.Process;
        if (process is null)
            return $"the worker failed: {Clean(cause.Message)}";
        process.WaitForExit(TimeSpan.FromSeconds(5));
        var exit = process.Exit;
        var errors = process.ErrorTail;
        var report = process.ErrorHead;
        if (exit.MemoryLimitHit)
            return $"your code used more memory than grading allows ({Sandbox.Sandbox.Describe(MemoryBytes)}) and was stopped. Look for a tensor that grows with every call or step.";
        if (report.Contains("Stack overflow", StringComparison.Ordinal))
            return $"your code overflowed the stack{StackOverflowFrame(report)}: a method that calls itself without end?";
        if (exit.TaskLimitHit)
            return $"your code started more threads or processes than grading allows ({TaskLimit}) and was stopped.";
        if (exit.Signal is { } signal)
            return $"the process running your code was killed by signal {signal}" + (signal != 9 ? "." : exit.KilledByHost
                ? " by the grader."
                : " from outside: neither your code's limits nor the grader stopped it (the machine may have run short of memory). Please tell your instructor.");
        if (exit.ExitCode is { } code)
            return $"the process running your code ended (exit code {code}) instead of returning: graded code must not exit.{LastLines(errors)}";
        return $"the process running your code stopped answering ({Clean(cause.Message)}).";
    }

    /// <summary>" in Mlp.forward" from .NET's stack-overflow report: the first frame outside the runtime and libraries.</summary>
    private static string StackOverflowFrame(string errors)
    {
        string[] library = ["System.", "TorchSharp.", "GradingHost.", "StreamJsonRpc.", "Microsoft.", "Course.Kit."];
        var frame = errors.Split('\n').Select(l => l.Trim())
            .Where(l => l.StartsWith("at ", StringComparison.Ordinal))
            .Select(l => l[3..])
            .FirstOrDefault(l => !library.Any(p => l.StartsWith(p, StringComparison.Ordinal)));
        if (frame is null)
            return "";
        var call = frame.Split('(')[0];
        var parts = call.Split('.');
        return parts.Length >= 2 ? $" in {Clean(parts[^2])}.{Clean(parts[^1])}" : "";
    }

    private static string LastLines(string errors)
    {
        var lines = errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).TakeLast(3).ToList();
        return lines.Count == 0 ? "" : $" Its last output: {Clean(string.Join(" | ", lines))}";
    }

    private static string FirstLine(string message)
    {
        var line = message.Split('\n', 2)[0].Trim();
        return line.Length > 300 ? line[..300] + "…" : line;
    }

    /// <summary>Text from the worker as the report may show it: no control characters, bounded length.</summary>
    private static string Clean(string text)
    {
        var builder = new StringBuilder(Math.Min(text.Length, WireLimits.MaxTextLength));
        foreach (var c in text.Take(WireLimits.MaxTextLength))
            builder.Append(c == '\n' || !char.IsControl(c) ? c : ' ');
        return builder.ToString();
    }

    private static WorkerConnection FromEnvironment()
    {
        var workerDirectory = Environment.GetEnvironmentVariable(WorkerVariable);
        if (workerDirectory is null)
        {
            // The public tests: the student's own project, referenced directly, on their own machine.
            var name = SubmissionUnderTest.EntryMetadata("SubmissionAssembly")
                ?? throw new InvalidOperationException($"Set {WorkerVariable} and {SubmissionUnderTest.AssemblyVariable}: the checks run student code only in a worker.");
            return InProcess(Assembly.Load(new AssemblyName(name)), isSubmission: true);
        }
        var submission = Environment.GetEnvironmentVariable(SubmissionUnderTest.AssemblyVariable)
            ?? throw new InvalidOperationException($"Set {SubmissionUnderTest.AssemblyVariable} to the compiled submission.");
        var mode = Environment.GetEnvironmentVariable(Sandbox.Sandbox.Variable) == "none" ? SandboxMode.None : SandboxMode.Bubblewrap;
        var megabytes = int.TryParse(Environment.GetEnvironmentVariable(MemoryVariable), out var m) && m > 0 ? m : DefaultMemoryMegabytes;
        var memory = megabytes * (1L << 20);
        var group = Environment.GetEnvironmentVariable(GroupVariable) ?? $"checker-{Environment.ProcessId}";
        var connection = new WorkerConnection(true, mode == SandboxMode.None ? "none" : "bubblewrap", memory, self =>
        {
            var process = Sandbox.Sandbox.Start(WorkerSpec(workerDirectory, submission, mode, memory), mode, group);
            var rpc = WorkerRpc.Create(process.Input, new MessageSizeGuard(process.Output));
            rpc.AddLocalRpcTarget<ICheckerCallbacks>(self.Callbacks, null);
            var worker = rpc.Attach<IWorker>();
            rpc.StartListening();
            return (worker, process, rpc);
        });
        return connection;
    }

    private static SandboxSpec WorkerSpec(string workerDirectory, string submission, SandboxMode mode, long memory)
    {
        var environment = new Dictionary<string, string>
        {
            ["HOME"] = "/tmp",
            ["TMPDIR"] = "/tmp",
            ["DOTNET_ROOT"] = Sandbox.Sandbox.DotnetRoot,
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
            // No diagnostics IPC socket, debugger or profiler attach: nothing to reach the worker from outside.
            ["DOTNET_EnableDiagnostics"] = "0",
            // Training frees and reallocates the same activations every step; keep that memory instead of handing it back to the kernel each time.
            ["MALLOC_MMAP_THRESHOLD_"] = (64 << 20).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["MALLOC_TRIM_THRESHOLD_"] = (128 << 20).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (mode == SandboxMode.None)
        {
            environment["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin";
            return new SandboxSpec([Sandbox.Sandbox.Dotnet, Path.Combine(workerDirectory, "Grader.Worker.dll"), "serve", submission], [], memory, TaskLimit, environment);
        }
        return new SandboxSpec([Sandbox.Sandbox.Dotnet, "/worker/Grader.Worker.dll", "serve", "/submission/Submission.dll"],
            [new ReadOnlyBind(workerDirectory, "/worker"), new ReadOnlyBind(submission, "/submission/Submission.dll")], memory, TaskLimit, environment);
    }
}

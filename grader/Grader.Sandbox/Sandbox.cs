using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace GradingHost.Sandbox;

/// <summary>
/// Starts programs that run student code, confined. With <see cref="SandboxMode.Bubblewrap"/> (the host
/// must be root): the process joins its own cgroup (memory and task limits), then bubblewrap gives it new
/// PID, network, IPC and UTS namespaces (no network at all, and its whole process tree dies with it),
/// a file system of read-only binds (the system's libraries, the .NET runtime and what the caller lists)
/// with a private /tmp, an empty environment, and setpriv drops it to an unprivileged uid with no
/// capabilities and no_new_privs. The repository, the reference, the graders, the cache and other
/// gradings' outputs are not in it.
/// </summary>
public static class Sandbox
{
    /// <summary>The uid and gid sandboxed code runs as ("nobody" on Debian and Ubuntu).</summary>
    public const int Uid = 65534;

    public const string Variable = "GRADINGHOST_SANDBOX";

    private static readonly Lazy<string?> Unavailable = new(Probe);

    /// <summary>Null when bubblewrap sandboxes can be made here; otherwise why not, for an error message.</summary>
    public static string? WhyUnavailable => Unavailable.Value;

    /// <summary>The .NET installation that runs sandboxed programs (made visible inside at the same path).</summary>
    public static string DotnetRoot { get; } = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));

    public static string Dotnet => Path.Combine(DotnetRoot, "dotnet");

    /// <param name="group">the grading this sandbox belongs to: its cgroups live under gradinghost/&lt;group&gt;</param>
    public static SandboxedProcess Start(SandboxSpec spec, SandboxMode mode, string group)
    {
        if (mode == SandboxMode.None)
            return Plain(spec);
        if (WhyUnavailable is { } why)
            throw new InvalidOperationException($"No sandbox can be made here: {why}.");

        var cgroup = Cgroup.TryCreate(group, $"s{Environment.ProcessId}-{Interlocked.Increment(ref _counter)}", spec.MemoryLimitBytes, spec.TaskLimit, out _);
        // The shell joins the cgroup, then becomes bubblewrap: nothing runs outside the limits for a moment.
        // Without cgroups (a container that cannot create them), the limits fall back to rlimits.
        var script = cgroup is null
            ? $"ulimit -d {spec.MemoryLimitBytes / 1024}; ulimit -u {spec.TaskLimit * 16}; exec \"$@\""
            : "for f in $GRADINGHOST_PROCS; do echo $$ > \"$f\" || exit 125; done; exec \"$@\"";
        var start = Shell(script, BubblewrapArguments(spec));
        start.Environment["GRADINGHOST_PROCS"] = string.Join(' ', cgroup?.ProcsFiles ?? []);
        return new SandboxedProcess(start, cgroup);
    }

    private static int _counter;

    private static SandboxedProcess Plain(SandboxSpec spec)
    {
        var start = new ProcessStartInfo(spec.Program[0])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in spec.Program.Skip(1))
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in spec.Environment)
            start.Environment[name] = value;
        return new SandboxedProcess(start, null);
    }

    private static IEnumerable<string> BubblewrapArguments(SandboxSpec spec)
    {
        yield return Bwrap!;
        foreach (var flag in new[] { "--unshare-pid", "--unshare-net", "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try", "--die-with-parent", "--new-session" })
            yield return flag;
        foreach (var argument in SystemBinds())
            yield return argument;
        // bubblewrap would create the folders above a bind point readable by root only.
        foreach (var folder in spec.Binds.SelectMany(b => Ancestors(b.Inside)).Distinct().Order(StringComparer.Ordinal))
        {
            yield return "--perms";
            yield return "0755";
            yield return "--dir";
            yield return folder;
        }
        foreach (var bind in spec.Binds)
        {
            yield return "--ro-bind";
            yield return bind.Host;
            yield return bind.Inside;
        }
        foreach (var argument in new[] { "--proc", "/proc", "--dev", "/dev", "--perms", "1777", "--tmpfs", "/tmp", "--chdir", "/tmp", "--clearenv" })
            yield return argument;
        foreach (var (name, value) in spec.Environment)
        {
            yield return "--setenv";
            yield return name;
            yield return value;
        }
        yield return "--";
        yield return Setpriv!;
        yield return $"--reuid={Uid}";
        yield return $"--regid={Uid}";
        yield return "--clear-groups";
        yield return "--no-new-privs";
        yield return "--inh-caps=-all";
        yield return "--bounding-set=-all";
        yield return "--";
        foreach (var part in spec.Program)
            yield return part;
    }

    /// <summary>"/a/b/c" → "/a", "/a/b".</summary>
    private static IEnumerable<string> Ancestors(string path)
    {
        for (var parent = Path.GetDirectoryName(path); parent is not null && parent != "/"; parent = Path.GetDirectoryName(parent))
            yield return parent;
    }

    /// <summary>/usr (libraries and tools, nothing of the grader's), the .NET runtime, and the top-level links into /usr.</summary>
    private static IEnumerable<string> SystemBinds()
    {
        string[] binds = ["--ro-bind", "/usr", "/usr"];
        foreach (var part in binds)
            yield return part;
        foreach (var top in new[] { "/bin", "/sbin", "/lib", "/lib32", "/lib64" })
        {
            var info = new FileInfo(top);
            if (info.LinkTarget is { } target)
            {
                yield return "--symlink";
                yield return target;
                yield return top;
            }
            else if (Directory.Exists(top))
            {
                yield return "--ro-bind";
                yield return top;
                yield return top;
            }
        }
        if (File.Exists("/etc/ld.so.cache"))
        {
            yield return "--ro-bind";
            yield return "/etc/ld.so.cache";
            yield return "/etc/ld.so.cache";
        }
        if (!DotnetRoot.StartsWith("/usr/", StringComparison.Ordinal))
        {
            yield return "--ro-bind";
            yield return DotnetRoot;
            yield return DotnetRoot;
        }
    }

    private static readonly string? Bwrap = Which("bwrap");
    private static readonly string? Setpriv = Which("setpriv");

    private static string? Which(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin").Split(':').Append("/usr/bin").Append("/usr/sbin")
            .Select(d => Path.Combine(d, program)).FirstOrDefault(File.Exists);

    private static string? Probe()
    {
        if (!OperatingSystem.IsLinux())
            return "sandboxing needs Linux (bubblewrap)";
        if (!Environment.IsPrivilegedProcess)
            return "gradinghost must run as root to sandbox student code (it drops the code to an unprivileged user)";
        if (Bwrap is null)
            return "bubblewrap (bwrap) is not installed; ./grader/scripts/setup-sandbox.sh installs it";
        if (Setpriv is null)
            return "setpriv (util-linux) is not installed";
        // One real sandbox: a kernel without the namespaces, or a seccomp profile that forbids them, fails here.
        var spec = new SandboxSpec(["/bin/true"], [], 64L << 20, 8, new Dictionary<string, string>());
        try
        {
            using var process = new SandboxedProcess(Shell("exec \"$@\"", BubblewrapArguments(spec)), null);
            if (!process.WaitForExit(TimeSpan.FromSeconds(20)))
                return "a trial sandbox did not finish within 20 s";
            return process.Exit.ExitCode == 0 ? null : $"a trial sandbox failed: {process.ErrorTail.Trim()}";
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or IOException)
        {
            return $"a trial sandbox could not start: {e.Message}";
        }
    }

    /// <summary>/bin/sh running <paramref name="script"/> with <paramref name="arguments"/> as "$@", in an otherwise empty environment.</summary>
    private static ProcessStartInfo Shell(string script, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment.Clear();
        start.Environment["PATH"] = "/usr/bin:/bin";
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        start.ArgumentList.Add("sandbox");
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        return start;
    }

    /// <summary>"2.0 GiB" for messages.</summary>
    public static string Describe(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 30):0.#} GiB");
}

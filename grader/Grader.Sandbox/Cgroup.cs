using System.Globalization;

namespace GradingHost.Sandbox;

/// <summary>
/// A memory and task limit for one sandbox: a cgroup v2 directory where the unified hierarchy has the
/// memory and pids controllers, else one directory in each of the v1 memory and pids hierarchies. The
/// process joins it before bubblewrap starts (see <see cref="SandboxedProcess"/>), so everything it
/// starts is counted and can be killed.
/// </summary>
public sealed class Cgroup : IDisposable
{
    private const string Root = "/sys/fs/cgroup";

    private readonly string? _unified;
    private readonly string? _memoryV1;
    private readonly string? _pidsV1;

    private Cgroup(string? unified, string? memory, string? pids) => (_unified, _memoryV1, _pidsV1) = (unified, memory, pids);

    /// <summary>The files a process writes its pid to, to join.</summary>
    public IReadOnlyList<string> ProcsFiles =>
        _unified is not null ? [Path.Combine(_unified, "cgroup.procs")] : [Path.Combine(_memoryV1!, "cgroup.procs"), Path.Combine(_pidsV1!, "cgroup.procs")];

    /// <summary>A new cgroup under gradinghost/<paramref name="group"/>, or null (with the reason) where none can be made.</summary>
    public static Cgroup? TryCreate(string group, string name, long memoryBytes, int tasks, out string? reason)
    {
        reason = null;
        try
        {
            if (File.Exists(Path.Combine(Root, "cgroup.controllers")))
            {
                var controllers = File.ReadAllText(Path.Combine(Root, "cgroup.controllers")).Split(' ', StringSplitOptions.TrimEntries);
                if (!controllers.Contains("memory") || !controllers.Contains("pids"))
                {
                    reason = "the cgroup v2 hierarchy has no memory or pids controller";
                    return null;
                }
                var parent = Path.Combine(Root, "gradinghost");
                Directory.CreateDirectory(parent);
                Enable(Root);
                var groupDirectory = Path.Combine(parent, group);
                Directory.CreateDirectory(groupDirectory);
                Enable(parent);
                Enable(groupDirectory);
                var unified = Path.Combine(groupDirectory, name);
                Directory.CreateDirectory(unified);
                File.WriteAllText(Path.Combine(unified, "memory.max"), memoryBytes.ToString(CultureInfo.InvariantCulture));
                TryWrite(Path.Combine(unified, "memory.swap.max"), "0");
                File.WriteAllText(Path.Combine(unified, "pids.max"), tasks.ToString(CultureInfo.InvariantCulture));
                return new Cgroup(unified, null, null);
            }
            if (Directory.Exists(Path.Combine(Root, "memory")) && Directory.Exists(Path.Combine(Root, "pids")))
            {
                var memory = Directory.CreateDirectory(Path.Combine(Root, "memory", "gradinghost", group, name)).FullName;
                var pids = Directory.CreateDirectory(Path.Combine(Root, "pids", "gradinghost", group, name)).FullName;
                File.WriteAllText(Path.Combine(memory, "memory.limit_in_bytes"), memoryBytes.ToString(CultureInfo.InvariantCulture));
                TryWrite(Path.Combine(memory, "memory.memsw.limit_in_bytes"), memoryBytes.ToString(CultureInfo.InvariantCulture));
                File.WriteAllText(Path.Combine(pids, "pids.max"), tasks.ToString(CultureInfo.InvariantCulture));
                return new Cgroup(null, memory, pids);
            }
            reason = "no cgroup hierarchy with memory and pids controllers is mounted at /sys/fs/cgroup";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            reason = $"cgroups cannot be created here ({e.Message})";
        }
        return null;
    }

    /// <summary>Whether the kernel's OOM killer acted in this cgroup.</summary>
    public bool OomKilled =>
        Counter(_unified is not null ? Path.Combine(_unified, "memory.events") : Path.Combine(_memoryV1!, "memory.oom_control"), "oom_kill") > 0
        || (_unified is not null && Counter(Path.Combine(_unified, "memory.events"), "max") > 0 && Counter(Path.Combine(_unified, "memory.events"), "oom") > 0);

    /// <summary>Whether a fork or thread creation was refused at the task limit.</summary>
    public bool TaskLimitHit => Counter(Path.Combine(_unified ?? _pidsV1!, "pids.events"), "max") > 0;

    /// <summary>SIGKILLs every process in the cgroup until none is left.</summary>
    public void KillAll()
    {
        if (_unified is not null && TryWrite(Path.Combine(_unified, "cgroup.kill"), "1"))
            return;
        for (var round = 0; round < 50; round++)
        {
            var pids = ProcsFiles.SelectMany(ReadPids).Distinct().ToList();
            if (pids.Count == 0)
                return;
            foreach (var pid in pids)
                Signals.Kill(pid);
            Thread.Sleep(10);
        }
    }

    public void Dispose()
    {
        KillAll();
        foreach (var directory in new[] { _unified, _memoryV1, _pidsV1 }.OfType<string>())
        {
            // The kernel refuses rmdir while the last killed task is still being reaped; it is gone within moments.
            for (var attempt = 0; attempt < 100 && Directory.Exists(directory); attempt++)
            {
                try
                {
                    Directory.Delete(directory);
                }
                catch (IOException)
                {
                    Thread.Sleep(20);
                }
            }
        }
    }

    /// <summary>Kills and removes every cgroup of a grading (the checker's workers included) that something left behind.</summary>
    public static void RemoveGroup(string group)
    {
        foreach (var directory in new[] { Path.Combine(Root, "gradinghost", group), Path.Combine(Root, "memory", "gradinghost", group), Path.Combine(Root, "pids", "gradinghost", group) })
        {
            if (!Directory.Exists(directory))
                continue;
            foreach (var child in Directory.EnumerateDirectories(directory))
            {
                foreach (var pid in ReadPids(Path.Combine(child, "cgroup.procs")))
                    Signals.Kill(pid);
            }
            foreach (var child in Directory.EnumerateDirectories(directory))
                TryRemove(child);
            TryRemove(directory);
        }
    }

    private static void TryRemove(string directory)
    {
        for (var attempt = 0; attempt < 100 && Directory.Exists(directory); attempt++)
        {
            try
            {
                Directory.Delete(directory);
            }
            catch (IOException)
            {
                Thread.Sleep(20);
            }
        }
    }

    /// <summary>Controllers must be enabled in a parent's subtree_control before its children can use them.</summary>
    private static void Enable(string parent) => TryWrite(Path.Combine(parent, "cgroup.subtree_control"), "+memory +pids");

    private static IEnumerable<int> ReadPids(string procsFile)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(procsFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            yield break;
        }
        foreach (var line in lines)
            if (int.TryParse(line, NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
                yield return pid;
    }

    private static long Counter(string file, string key)
    {
        try
        {
            foreach (var line in File.ReadLines(file))
            {
                var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length == 2 && parts[0] == key && long.TryParse(parts[1], CultureInfo.InvariantCulture, out var value))
                    return value;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
        return 0;
    }

    private static bool TryWrite(string file, string text)
    {
        try
        {
            File.WriteAllText(file, text);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}

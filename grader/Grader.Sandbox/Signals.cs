using System.Runtime.InteropServices;

namespace GradingHost.Sandbox;

/// <summary>kill(2), for processes the host did not start itself (everything in a sandbox's cgroup).</summary>
public static class Signals
{
    private const int SigKill = 9;

    public static void Kill(int pid) => _ = kill(pid, SigKill);

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);
}

namespace GradingHost.Sandbox;

public enum SandboxMode
{
    /// <summary>bubblewrap namespaces, an unprivileged uid, cgroup limits: what grading uses.</summary>
    Bubblewrap,
    /// <summary>A plain child process (--unsandboxed): for a student grading their own code on their own machine.</summary>
    None,
}

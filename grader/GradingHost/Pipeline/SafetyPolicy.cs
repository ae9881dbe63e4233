namespace GradingHost.Pipeline;

/// <summary>
/// APIs no graded code may touch, for any assignment: they could read the reference, escape the time
/// limit, tamper with results or leave the sandbox. A submission that uses one is not run at all.
/// </summary>
public static class SafetyPolicy
{
    public static readonly IReadOnlyList<string> Forbidden =
    [
        "System.Reflection",
        "System.Runtime.Loader",
        "System.Runtime.InteropServices",
        "System.Runtime.CompilerServices.Unsafe",
        "System.Diagnostics.Process",
        "System.Environment.Exit",
        "System.Environment.FailFast",
        "System.Environment.SetEnvironmentVariable",
        "System.AppDomain",
        "System.IO.File",
        "System.IO.Directory",
        "System.IO.FileStream",
        "System.IO.FileInfo",
        "System.IO.DirectoryInfo",
        "System.IO.StreamWriter",
        "System.IO.StreamReader",
        "System.Net",
        "System.Threading.Thread",
        "TorchSharp.torch.save",
        "TorchSharp.torch.load",
        "TorchSharp.torch.nn.Module.save",
        "TorchSharp.torch.nn.Module.load",
        "dynamic",
    ];
}

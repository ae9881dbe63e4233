using System.Reflection;
using System.Runtime.InteropServices;
using GradingHost.Protocol;
using Microsoft.Win32.SafeHandles;
using TorchSharp;

namespace GradingHost.Worker.Serving;

/// <summary>Serves <see cref="IWorker"/> over the process's standard input and output until the checker hangs up.</summary>
public static class WorkerHost
{
    public static async Task<int> ServeAsync(string submissionPath)
    {
        // The protocol gets its own copy of standard output, and fd 1 becomes stderr: anything the student's
        // code or a native library prints goes to stderr, which the checker keeps only the tail of.
        var protocolOut = new FileStream(new SafeFileHandle((IntPtr)Dup(1), ownsHandle: true), FileAccess.Write, bufferSize: 0);
        Dup2(2, 1);
        Console.SetOut(Console.Error);
        var protocolIn = Console.OpenStandardInput();

        // One libtorch thread, as in the checker: the same model must compute bit-for-bit the same on both sides.
        torch.set_num_threads(1);
        var submission = Assembly.LoadFrom(Path.GetFullPath(submissionPath));

        using var rpc = WorkerRpc.Create(protocolOut, protocolIn);
        rpc.AddLocalRpcTarget<IWorker>(new WorkerService(submission, rpc.Attach<ICheckerCallbacks>()), null);
        rpc.StartListening();
        await rpc.Completion.ConfigureAwait(false);
        return 0;
    }

    private static int Dup(int fd)
    {
        var copy = dup(fd);
        return copy >= 0 ? copy : throw new IOException($"dup({fd}) failed: errno {Marshal.GetLastPInvokeError()}");
    }

    private static void Dup2(int from, int to)
    {
        if (dup2(from, to) < 0)
            throw new IOException($"dup2({from}, {to}) failed: errno {Marshal.GetLastPInvokeError()}");
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int dup(int fd);

    [DllImport("libc", SetLastError = true)]
    private static extern int dup2(int oldFd, int newFd);
}

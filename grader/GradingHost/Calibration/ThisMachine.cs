namespace GradingHost.Calibration;

/// <summary>What a measured figure was measured on.</summary>
public static class ThisMachine
{
    public static string Cpu
    {
        get
        {
            try
            {
                return File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU";
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return "unknown CPU";
            }
        }
    }
}

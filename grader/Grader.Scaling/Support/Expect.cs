namespace GradingHost.Checks.Scaling;

/// <summary>Number comparisons for the study's answers, with messages that name what was computed and where it differs.</summary>
public static class Expect
{
    /// <summary>Round-off of float32 logits over a few hundred tokens stays far below this; a real mistake is far above it.</summary>
    public const double RelativeTolerance = 1e-4;

    public static bool Close(double expected, double actual) =>
        Math.Abs(actual - expected) <= RelativeTolerance * Math.Abs(expected) + 1e-9;

    /// <summary>Fails as code that did not work on a non-finite answer, and as a wrong answer on a different one.</summary>
    /// <param name="diagnose">names the likely mistake from the answer, or null</param>
    public static void Values(double[] expected, double[] actual, string doing, string[] names, Func<double[], string?>? diagnose = null)
    {
        var nonFinite = Array.FindIndex(actual, v => !double.IsFinite(v));
        if (nonFinite >= 0)
            throw new StudentCodeFailed($"{doing}: {names[nonFinite]} came back as {actual[nonFinite]}; the expected value is finite. " +
                                        "Look for a product of many probabilities (it underflows to 0: sum log-probabilities instead), a log of 0 or a division by zero.");
        var wrong = Enumerable.Range(0, expected.Length).FirstOrDefault(i => !Close(expected[i], actual[i]), -1);
        if (wrong < 0)
            return;
        var why = diagnose?.Invoke(actual);
        throw new StudentFeedback($"{doing}: {names[wrong]} is {actual[wrong]:G6}, expected {expected[wrong]:G6}." + (why is null ? "" : $" {why}"));
    }

    /// <summary>Each element its own name: "the value at index i".</summary>
    public static string[] Indexed(int count, string what) =>
        Enumerable.Range(0, count).Select(i => $"{what} at index {i}").ToArray();
}

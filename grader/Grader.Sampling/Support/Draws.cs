using static GradingHost.Checks.Sampling.Models;

namespace GradingHost.Checks.Sampling;

/// <summary>Draws from the student's samplers, as token ids.</summary>
public static class Draws
{
    /// <summary>
    /// <paramref name="n"/> draws for one row of logits, one call each with a batch of one row, so that
    /// nothing about how a batch is handled can show in a check that uses these. Each call gets a fresh
    /// copy of the logits: a sampler that edits its input in place must not change the next draw.
    /// </summary>
    public static long[] OneRowAtATime(Sampler sampler, double[] logits, int n) =>
        Submission.Draw(sampler, [logits], n).Select(ids => ids[0]).ToArray();

    /// <summary>One call with one row of logits per entry of <paramref name="rows"/>.</summary>
    public static long[] OneCall(Sampler sampler, double[][] rows) => Submission.Draw(sampler, rows, 1)[0];

    public static long[] Counts(IEnumerable<long> ids, int vocabulary)
    {
        var counts = new long[vocabulary];
        foreach (var id in ids)
            counts[id]++;
        return counts;
    }
}

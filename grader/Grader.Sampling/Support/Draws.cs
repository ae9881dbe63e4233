using TorchSharp;
using static TorchSharp.torch;

namespace GradingHost.Checks.Sampling;

/// <summary>Runs a sampler and reads the token ids it returns, refusing results of the wrong shape, type or range.</summary>
public static class Draws
{
    /// <summary>
    /// <paramref name="n"/> draws for one row of logits, one call each with a batch of one row, so
    /// that nothing about how a batch is handled can show in a check that uses these.
    /// </summary>
    public static long[] OneRowAtATime(Func<Tensor, Tensor> sampler, double[] logits, int n, string method)
    {
        var row = Logits([logits]);
        var ids = new long[n];
        for (var i = 0; i < n; i++)
        {
            using var scope = NewDisposeScope();
            // A fresh copy each time: a sampler that edits its input in place must not change the next draw.
            ids[i] = Read(sampler(row.clone()), 1, logits.Length, method)[0];
        }
        return ids;
    }

    /// <summary>One call with one row of logits per entry of <paramref name="rows"/>.</summary>
    public static long[] OneCall(Func<Tensor, Tensor> sampler, double[][] rows, string method)
    {
        using var scope = NewDisposeScope();
        return Read(sampler(Logits(rows)), rows.Length, rows[0].Length, method);
    }

    /// <summary>(B, V) float32 logits.</summary>
    public static Tensor Logits(double[][] rows) =>
        tensor(rows.SelectMany(r => r.Select(v => (float)v)).ToArray(), [rows.Length, rows[0].Length]);

    public static long[] Counts(IEnumerable<long> ids, int vocabulary)
    {
        var counts = new long[vocabulary];
        foreach (var id in ids)
            counts[id]++;
        return counts;
    }

    public static long[] Read(Tensor result, long batch, long vocabulary, string method)
    {
        long[] expected = [batch];
        if (!result.shape.SequenceEqual(expected))
            throw new StudentFeedback($"{method} returned shape {Shapes.Show(result.shape)} for logits ({batch}, {vocabulary}); expected {Shapes.Show(expected)}, one token id per row.");
        if (result.dtype != ScalarType.Int64)
            throw new StudentFeedback($"{method} returned {result.dtype} values; token ids are int64, as multinomial and argmax give them.");
        var ids = result.cpu().data<long>().ToArray();
        var bad = Array.FindIndex(ids, id => id < 0 || id >= vocabulary);
        if (bad >= 0)
            throw new StudentFeedback($"{method} returned token id {ids[bad]} for row {bad}, outside the vocabulary 0…{vocabulary - 1}.");
        return ids;
    }
}

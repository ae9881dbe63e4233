using TorchSharp;
using static TorchSharp.torch;

namespace Course.Kit;

/// <summary>A corpus as one long sequence of token ids, cut into (input, next-token target) windows.</summary>
public sealed class TokenStream
{
    public TokenStream(long[] ids)
    {
        if (ids.Length < 2)
            throw new ArgumentException("A token stream needs at least two tokens.", nameof(ids));
        Ids = ids;
    }

    public long[] Ids { get; }

    public int Length => Ids.Length;

    /// <summary>B random windows: x is (B, T) and y is x shifted one token to the left.</summary>
    public (Tensor X, Tensor Y) RandomBatch(int batchSize, int contextLength, Generator generator)
    {
        var starts = randint(0, Length - contextLength - 1, [batchSize], generator: generator, dtype: int64).data<long>().ToArray();
        var x = new long[batchSize * contextLength];
        var y = new long[batchSize * contextLength];
        for (var b = 0; b < batchSize; b++)
        {
            Array.Copy(Ids, starts[b], x, b * contextLength, contextLength);
            Array.Copy(Ids, starts[b] + 1, y, b * contextLength, contextLength);
        }
        return (tensor(x, [batchSize, contextLength]), tensor(y, [batchSize, contextLength]));
    }

    /// <summary>Consecutive non-overlapping windows covering the first <paramref name="maxTokens"/> tokens.</summary>
    public IEnumerable<(Tensor X, Tensor Y)> Windows(int contextLength, int maxTokens)
    {
        var limit = Math.Min(maxTokens, Length - 1);
        for (var start = 0; start + contextLength <= limit; start += contextLength)
        {
            var x = new long[contextLength];
            var y = new long[contextLength];
            Array.Copy(Ids, start, x, 0, contextLength);
            Array.Copy(Ids, start + 1, y, 0, contextLength);
            yield return (tensor(x, [1, contextLength]), tensor(y, [1, contextLength]));
        }
    }
}

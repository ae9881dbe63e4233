using Xunit;
using static GradingHost.Checks.MultiHead.Models;
using static TorchSharp.torch;

namespace GradingHost.Checks.MultiHead;

/// <summary>
/// The split (B, T, d) → (B, n, T, d/n) and the merge back must be true reshapes of the feature axis:
/// head h works on features h·d/n … (h+1)·d/n − 1 of every position, and the output puts head h's
/// result back on those features. With identity projections both properties can be read off the
/// submission's own weights, so neither the scale nor the mask plays a part here.
/// </summary>
public sealed class HeadChecks
{
    private const int B = 2;
    private const int T = 6;
    private const int D = 24;
    private static readonly int[] HeadCounts = [2, 4, 8];

    [Fact]
    public void EachHeadSeesOnlyItsOwnFeatures()
    {
        foreach (var n in HeadCounts)
        {
            var dh = D / n;
            var attention = IdentityAttention(n);
            var x = Inputs(B, T, D, seed: 21);
            var weights = AttentionWeightsOf(attention, x, n);
            for (var h = 0; h < n; h++)
            {
                var own = HeadSlice(h, dh);
                var othersChanged = Inputs(B, T, D, seed: 22 + h);
                othersChanged[TensorIndex.Ellipsis, own] = x[TensorIndex.Ellipsis, own];
                var head = weights[TensorIndex.Colon, h];
                var problem = Compare.Difference(head, AttentionWeightsOf(attention, othersChanged, n)[TensorIndex.Colon, h], "");
                if (problem is not null)
                    throw new StudentFeedback(
                        $"With d = {D} and n = {n} heads, head {h}'s attention weights changed when only features outside {h * dh}…{(h + 1) * dh - 1} changed " +
                        $"(the query/key projections were set to the identity). Head h must work on features h·d/n … (h+1)·d/n − 1 of every position and on nothing else. " +
                        "Split with view(B, T, n, d/n) and then transpose(1, 2); a direct view or reshape to (B, n, T, d/n) mixes positions and features of different heads.");

                var ownChanged = x.clone();
                ownChanged[TensorIndex.Ellipsis, own] = Inputs(B, T, dh, seed: 40 + h);
                var moved = (head - AttentionWeightsOf(attention, ownChanged, n)[TensorIndex.Colon, h]).abs().nan_to_num(0).max().item<double>();
                if (moved < 1e-4)
                    throw new StudentFeedback(
                        $"With d = {D} and n = {n} heads, head {h}'s attention weights did not change when its own features {h * dh}…{(h + 1) * dh - 1} changed " +
                        "(the query/key projections were set to the identity). Head h must compute its scores from exactly those features of Q and K.");
            }
        }
    }

    [Fact]
    public void OutputConcatenatesTheHeads()
    {
        foreach (var n in HeadCounts)
        {
            var dh = D / n;
            var attention = IdentityAttention(n);
            var x = Inputs(B, T, D, seed: 31);
            var weights = AttentionWeightsOf(attention, x, n);                                   // (B, n, T, T)
            var perHead = Enumerable.Range(0, n)
                .Select(h => weights[TensorIndex.Colon, h].matmul(x[TensorIndex.Ellipsis, HeadSlice(h, dh)].to(weights.dtype)))
                .ToArray();                                                                      // n × (B, T, d/n)
            var expected = cat(perHead, -1);                                                     // (B, T, d)
            var output = attention.Forward(x, $"multi-head attention layer ({n} heads)");
            var problem = Compare.Difference(expected, output, $"With d = {D}, n = {n} heads and identity projections, your layer's output");
            if (problem is null)
                continue;
            var flattenedWithoutTranspose = stack(perHead, 1).reshape(B, T, D);
            var diagnosis = Compare.Difference(flattenedWithoutTranspose, output, "") is null
                ? "Your output is the heads' (B, n, T, d/n) result flattened straight to (B, T, d), which interleaves positions of different heads: transpose back to (B, T, n, d/n) first, then reshape. "
                : "";
            throw new StudentFeedback(
                diagnosis + problem + " With W_V = W_O = I, position t's output must be the heads' results side by side: " +
                "features h·d/n … (h+1)·d/n − 1 hold head h's A_h V_h at position t, where V_h are those features of V.");
        }
    }

    private static ModuleUnderTest IdentityAttention(int heads)
    {
        var attention = Submission.Create(Models.Attention, Config(D, heads), seed: 20);
        attention.Eval();
        UseIdentityProjections(attention, D);
        return attention;
    }
}

using Xunit;
using static GradingHost.Checks.Attention.Models;

namespace GradingHost.Checks.Attention;

/// <summary>
/// Checks the block's wiring with the submission's own attention and MLP, so a mistake inside either
/// of them does not show up here: block(x) = h + MLP(h), h = x + Attention(x).
/// </summary>
public sealed class ResidualChecks
{
    [Fact]
    public void BlockAddsAttentionAndMlpToTheResidualStream()
    {
        const int d = 16;
        var block = Submission.Create(Block, Config(d), seed: 11);
        block.Eval();
        var attention = block.Child("attention", "transformer block");
        var mlp = block.Child("mlp", "transformer block");
        var x = Inputs(2, 6, d, seed: 12);
        var output = Compare.ExpectSomeFinite(block.Forward(x, "transformer block"), "The output of your transformer block");
        var a = attention.Forward(x, "attention layer");
        var h = x + a;
        var expected = h + mlp.Forward(h, "MLP");
        var difference = Compare.Difference(expected, output, "The block's output");
        if (difference is null)
            return;
        var diagnosis =
            Compare.Difference(a + mlp.Forward(a, "MLP"), output, "") is null ? "The residual around attention is missing: h must be x + Attention(x), not Attention(x). " :
            Compare.Difference(mlp.Forward(h, "MLP"), output, "") is null ? "The residual around the MLP is missing: the output must be h + MLP(h), not MLP(h). " :
            "";
        throw new StudentFeedback(diagnosis + difference + " The handout's block is h = x + Attention(x); output = h + MLP(h).");
    }
}

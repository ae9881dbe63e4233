using GradingHost.Checks;
using Xunit;
using static GradingHost.Checks.Attention.Models;
using static TorchSharp.torch;

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
        manual_seed(11);
        var block = Submission.Create(Block, Config(d));
        block.eval();
        var attention = Child(block, "attention", Block);
        var mlp = Child(block, "mlp", Block);
        var x = Inputs(2, 6, d, seed: 12);
        using var _ = no_grad();
        var output = Forward(block, x, Block);
        var a = Forward(attention, x, Models.Attention);
        var h = x + a;
        var expected = h + Forward(mlp, h, Models.Mlp);
        var difference = Compare.Difference(expected, output, "The block's output");
        if (difference is null)
            return;
        var diagnosis =
            Compare.Difference(a + Forward(mlp, a, Models.Mlp), output, "") is null ? "The residual around attention is missing: h must be x + Attention(x), not Attention(x). " :
            Compare.Difference(Forward(mlp, h, Models.Mlp), output, "") is null ? "The residual around the MLP is missing: the output must be h + MLP(h), not MLP(h). " :
            "";
        throw new StudentFeedback(diagnosis + difference + " The handout's block is h = x + Attention(x); output = h + MLP(h).");
    }
}

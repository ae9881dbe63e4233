using Xunit;
using static GradingHost.Checks.MultiHead.Models;

namespace GradingHost.Checks.MultiHead;

/// <summary>
/// With n = 1 the split and the merge are no-ops and d/n = d: the layer must compute exactly HW2 Q1's
/// single-head attention. The parameters have the same names and shapes, so the single-head
/// reference's weights are loaded into the submission's one-head layer.
/// </summary>
public sealed class OneHeadChecks
{
    [Fact]
    public void OneHeadIsSingleHeadAttention()
    {
        const int b = 2, t = 7, d = 20;
        var config = Config(d, heads: 1);
        var singleHead = ReferenceModel.SingleHead.Create(ReferenceModel.SingleHeadAttention, config, seed: 19);
        var attention = Submission.Create(Models.Attention, config, seed: 19);
        Weights.Copy(singleHead, attention, $"{Models.Attention} with one head");
        singleHead.Eval();
        attention.Eval();
        var x = Inputs(b, t, d, seed: 20);

        var expectedWeights = singleHead.AttentionWeights(x, "single-head attention").unsqueeze(1); // (B, 1, T, T)
        var weights = AttentionWeightsOf(attention, x, 1);
        Compare.ExpectFinite(expectedWeights, weights, "With one head, your attention weights");
        var weightsProblem = Compare.Difference(expectedWeights, weights, "With one head, your attention weights");
        if (weightsProblem is not null)
            throw new StudentFeedback(
                weightsProblem + " With n = 1 the single head's weights must be HW2 Q1's softmax(mask(QKᵀ/√d)), with the same W_Q and W_K.");

        var outputProblem = Compare.Difference(singleHead.Forward(x, "single-head attention"), attention.Forward(x, "multi-head attention layer (1 head)"), "With one head, your layer's output");
        if (outputProblem is not null)
            throw new StudentFeedback(
                outputProblem + " The weights agree with single-head attention, so the value path differs: with n = 1, splitting V into (B, 1, T, d) and merging back must change nothing " +
                "(look for an operation such as squeeze() that drops the head axis only when n = 1).");
    }
}

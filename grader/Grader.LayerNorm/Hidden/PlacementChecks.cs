using Xunit;
using static GradingHost.Checks.LayerNorm.Models;
using static TorchSharp.torch;

namespace GradingHost.Checks.LayerNorm;

/// <summary>
/// Checks the block's wiring with the submission's own attention, MLP and norms, so a mistake inside any
/// of them does not show up here: h = x + LN₁(Attention(x)); output = h + LN₂(MLP(h)).
/// </summary>
public sealed class PlacementChecks
{
    [Fact]
    public void BlockNormalisesTheAttentionAndMlpOutputs()
    {
        const int d = 16;
        var block = Submission.Create(Block, Config(d), seed: 61);
        block.Eval();
        var attention = block.Child("attention", "transformer block");
        var attentionNorm = block.Child("attention_norm", "transformer block");
        var mlp = block.Child("mlp", "transformer block");
        var mlpNorm = block.Child("mlp_norm", "transformer block");
        // Gives the two norms different γ and β (where they are parameters), so that swapping them shows.
        PerturbNorms(block, 63, 0.5, "transformer block");
        var x = Inputs([2, 6, d], seed: 62, scale: 2.0);
        var output = Compare.ExpectSomeFinite(block.Forward(x, "transformer block"), "The output of your transformer block");

        Tensor Attention(Tensor t) => attention.Forward(t, "attention layer");
        Tensor Mlp(Tensor t) => mlp.Forward(t, "MLP");
        Tensor Ln1(Tensor t) => attentionNorm.Forward(t, "attention_norm");
        Tensor Ln2(Tensor t) => mlpNorm.Forward(t, "mlp_norm");

        var h = x + Ln1(Attention(x));
        var problem = Compare.Difference(h + Ln2(Mlp(h)), output, "The block's output");
        if (problem is null)
            return;

        var preH = x + Attention(Ln1(x));
        var postH = Ln1(x + Attention(x));
        var plainH = x + Attention(x);
        (string Diagnosis, Tensor Output)[] alternatives =
        [
            ("the norms are applied to the inputs of attention and MLP (pre-LN, x + Attention(LN(x)))", preH + Mlp(Ln2(preH))),
            ("the norms are applied after each residual addition (post-LN, LN(x + Attention(x)))", Ln2(postH + Mlp(postH))),
            ("the block has no layer norm at all", plainH + Mlp(plainH)),
            ("attention_norm and mlp_norm are swapped", (x + Ln2(Attention(x))) + Ln1(Mlp(x + Ln2(Attention(x))))),
            ("only the attention output is normalised", h + Mlp(h)),
            ("only the MLP output is normalised", plainH + Ln2(Mlp(plainH))),
        ];
        var diagnosis = alternatives.FirstOrDefault(a => Compare.Difference(a.Output, output, "") is null).Diagnosis;
        throw new StudentFeedback((diagnosis is null ? "" : $"Your block computes what you get when {diagnosis}. ") + problem +
            " The handout's rule: normalise each sub-layer's output before it joins the residual stream, h = x + LN₁(Attention(x)); output = h + LN₂(MLP(h)).");
    }
}

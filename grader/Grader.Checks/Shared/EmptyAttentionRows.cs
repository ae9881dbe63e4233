using Course.Kit;
using static TorchSharp.torch;

namespace GradingHost.Checks;

/// <summary>
/// Explains non-finite outputs by the one mistake that produces them by construction: an attention row
/// with no visible key (the diagonal masked too) is a softmax over nothing but −∞, which is NaN, and the
/// NaN spreads to every later position and layer. The item that charges that mistake (the diagonal, or
/// the causal mask) explains such NaN; any other non-finite answer is code that did not work.
/// </summary>
public sealed class EmptyAttentionRows(Implementation submission, string attentionType, TransformerConfig config)
{
    private readonly PerGrading<string?> _explanation = new(() => Find(submission, attentionType, config));

    /// <summary>Why the outputs are NaN, when empty attention rows are the reason; null otherwise.</summary>
    public string? Explanation => _explanation.Value;

    private static string? Find(Implementation submission, string attentionType, TransformerConfig config)
    {
        try
        {
            var attention = submission.Create(attentionType, config, seed: 8);
            attention.Eval();
            if (!attention.ExposesAttentionWeights)
                return null;
            var weights = attention.AttentionWeights(randn([2, 7, config.Width], generator: new Generator(8)), attentionType);
            var finiteRows = weights.isfinite().all(-1);
            return finiteRows.any().item<bool>() && !finiteRows.all().item<bool>()
                ? "rows of your attention weights with no visible key are NaN (a softmax over nothing but −∞), and that NaN spreads to every later position and layer; the item about the mask charges it"
                : null;
        }
        catch (Exception e) when (e is StudentFeedback or StudentCodeFailed or NotImplementedException)
        {
            return null;
        }
    }
}

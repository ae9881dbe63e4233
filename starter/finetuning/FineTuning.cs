using TorchSharp;
using static TorchSharp.torch;

namespace Homework.FineTuning;

/// <summary>HW2 Q5–Q6: adapt a model pretrained on the general corpus to Shakespeare, and measure what it forgets.</summary>
public static class FineTuning
{
    /// <summary>
    /// Evaluates <paramref name="pretrained"/> as it is (Q5a), trains <paramref name="fresh"/> from scratch
    /// on <paramref name="shakespeareTrain"/> with the given steps and learning rate (Q5b), fine-tunes
    /// <paramref name="pretrained"/> in place with fewer steps and a lower learning rate (Q5c), and measures
    /// the general corpus before and after (Q6). Returns [fine-tuning learning rate, fine-tuning steps,
    /// (a) unadapted, (b) from scratch, (c) fine-tuned Shakespeare dev perplexity, Brown dev perplexity before,
    /// and after fine-tuning].
    /// </summary>
    public static Tensor Run(
        nn.Module<Tensor, Tensor> pretrained, nn.Module<Tensor, Tensor> fresh,
        long[] shakespeareTrain, long[] shakespeareDev, long[] brownDev,
        int steps, double learningRate, int batchSize, int contextLength, Generator generator) =>
        throw new NotImplementedException("TODO: the experiment of HW2 Q5 and Q6, with your Train and Perplexity.");
}

using TorchSharp;
using static TorchSharp.torch;
using static Homework.FineTuning.LanguageModelTraining;

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
        int steps, double learningRate, int batchSize, int contextLength, Generator generator)
    {
        var unadapted = Perplexity(pretrained, shakespeareDev, contextLength).item<double>();
        var brownBefore = Perplexity(pretrained, brownDev, contextLength).item<double>();

        Train(fresh, shakespeareTrain, steps, learningRate, batchSize, contextLength, generator);
        var fromScratch = Perplexity(fresh, shakespeareDev, contextLength).item<double>();

        // Fine-tuning starts from the pretrained weights: a third of the learning rate and of the steps.
        var (fineTuningRate, fineTuningSteps) = (learningRate / 3, steps / 3);
        Train(pretrained, shakespeareTrain, fineTuningSteps, fineTuningRate, batchSize, contextLength, generator);
        var fineTuned = Perplexity(pretrained, shakespeareDev, contextLength).item<double>();
        var brownAfter = Perplexity(pretrained, brownDev, contextLength).item<double>();

        return tensor(new[] { fineTuningRate, fineTuningSteps, unadapted, fromScratch, fineTuned, brownBefore, brownAfter });
    }
}

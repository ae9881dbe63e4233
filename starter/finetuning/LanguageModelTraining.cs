using TorchSharp;
using static TorchSharp.torch;

namespace Homework.FineTuning;

/// <summary>The training loop and its evaluation, written by hand (HW2 Q5's tools).</summary>
public static class LanguageModelTraining
{
    /// <summary>
    /// Mean cross-entropy of next-token prediction on <paramref name="windows"/> (B, T + 1): the model reads
    /// windows[:, :T] and is scored on windows[:, 1:], each position on the token after it.
    /// </summary>
    public static Tensor NextTokenLoss(nn.Module<Tensor, Tensor> model, Tensor windows) =>
        throw new NotImplementedException("TODO: inputs are all but the last token, targets all but the first; mean cross-entropy.");

    /// <summary>
    /// Trains <paramref name="model"/> in place: <paramref name="steps"/> AdamW steps (weight decay 0) at
    /// <paramref name="learningRate"/>, each on <paramref name="batchSize"/> windows of
    /// <paramref name="contextLength"/> + 1 tokens starting at randint(0, N − T, generator). Parameters that do
    /// not require gradients stay frozen. Returns every step's loss, shape (steps).
    /// </summary>
    public static Tensor Train(nn.Module<Tensor, Tensor> model, long[] text, int steps, double learningRate, int batchSize, int contextLength, Generator generator) =>
        throw new NotImplementedException("TODO: per step: draw windows, zero the gradients, NextTokenLoss, backward, step.");

    /// <summary>
    /// exp of the mean next-token NLL over consecutive windows: inputs text[s … s + T − 1] and targets
    /// text[s + 1 … s + T] for s = 0, T, 2T, … while s + T &lt; N (each target token scored once).
    /// </summary>
    public static Tensor Perplexity(nn.Module<Tensor, Tensor> model, long[] text, int contextLength) =>
        throw new NotImplementedException("TODO: eval mode, no_grad, the windows' summed NLL over the number of targets, exp.");
}

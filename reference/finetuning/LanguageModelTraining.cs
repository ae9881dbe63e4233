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
    public static Tensor NextTokenLoss(nn.Module<Tensor, Tensor> model, Tensor windows)
    {
        var inputs = windows[.., ..^1];                                          // (B, T)
        var targets = windows[.., 1..];                                          // (B, T): shifted by one
        var logits = model.forward(inputs);                                      // (B, T, V)
        return nn.functional.cross_entropy(logits.reshape(-1, logits.shape[^1]), targets.reshape(-1));
    }

    /// <summary>
    /// Trains <paramref name="model"/> in place: <paramref name="steps"/> AdamW steps (weight decay 0) at
    /// <paramref name="learningRate"/>, each on <paramref name="batchSize"/> windows of
    /// <paramref name="contextLength"/> + 1 tokens starting at randint(0, N − T, generator). Parameters that do
    /// not require gradients stay frozen. Returns every step's loss, shape (steps).
    /// </summary>
    public static Tensor Train(nn.Module<Tensor, Tensor> model, long[] text, int steps, double learningRate, int batchSize, int contextLength, Generator generator)
    {
        model.train();
        using var optimizer = optim.AdamW(model.parameters().Where(p => p.requires_grad), lr: learningRate, weight_decay: 0);
        var data = tensor(text);
        var offsets = arange(contextLength + 1);
        var losses = new double[steps];
        for (var step = 0; step < steps; step++)
        {
            using var scope = NewDisposeScope();
            var starts = randint(0, text.Length - contextLength, [batchSize], generator: generator);
            var windows = data[starts.unsqueeze(1) + offsets];                 // (B, T + 1)
            optimizer.zero_grad();
            var loss = NextTokenLoss(model, windows);
            loss.backward();
            optimizer.step();
            losses[step] = loss.item<float>();
        }
        model.eval();
        return tensor(losses);
    }

    /// <summary>
    /// exp of the mean next-token NLL over consecutive windows: inputs text[s … s + T − 1] and targets
    /// text[s + 1 … s + T] for s = 0, T, 2T, … while s + T &lt; N (each target token scored once).
    /// </summary>
    public static Tensor Perplexity(nn.Module<Tensor, Tensor> model, long[] text, int contextLength)
    {
        model.eval();
        using var _ = no_grad();
        var count = (text.Length - 1) / contextLength;
        var windows = tensor(text[..(count * contextLength + 1)]);
        var inputs = windows[..^1].view(count, contextLength);                  // (W, T)
        var targets = windows[1..].view(count, contextLength);                  // (W, T)
        var total = zeros(1, dtype: float64);
        foreach (var (x, y) in inputs.split(64).Zip(targets.split(64)))
        {
            var logits = model.forward(x).to(float64);                          // (≤ 64, T, V)
            total += nn.functional.cross_entropy(logits.reshape(-1, logits.shape[^1]), y.reshape(-1), reduction: nn.Reduction.Sum);
        }
        return (total / (count * contextLength)).exp().squeeze();
    }
}

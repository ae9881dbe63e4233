using TorchSharp;
using static TorchSharp.torch;

namespace Course.Kit;

/// <summary>The training loop students are given: AdamW on next-token cross-entropy.</summary>
public static class Trainer
{
    /// <summary>Trains on random windows of the corpus.</summary>
    /// <param name="onStep">hears of every step: its index and its loss (a progress display)</param>
    /// <returns>the training loss after every step</returns>
    public static IReadOnlyList<double> Train(
        nn.Module<Tensor, Tensor> model, TokenStream data, TrainingProfile profile, Generator generator, Action<int, double>? onStep = null) =>
        Optimise(model, profile.LearningRate, profile.Steps,
            () => data.RandomBatch(profile.BatchSize, profile.ContextLength, generator), onStep);

    /// <summary>Repeatedly fits one fixed batch: a correct model drives the loss far below its start.</summary>
    public static IReadOnlyList<double> Overfit(
        nn.Module<Tensor, Tensor> model, Tensor x, Tensor y, int steps, double learningRate) =>
        Optimise(model, learningRate, steps, () => (x, y), null);

    private static List<double> Optimise(
        nn.Module<Tensor, Tensor> model, double learningRate, int steps, Func<(Tensor X, Tensor Y)> nextBatch, Action<int, double>? onStep)
    {
        var device = Devices.Of(model);
        model.train();
        using var optimizer = optim.AdamW(model.parameters(), lr: learningRate, weight_decay: 0.0);
        var losses = new List<double>(steps);
        for (var step = 0; step < steps; step++)
        {
            using var scope = NewDisposeScope();
            var (x, y) = nextBatch();
            optimizer.zero_grad();
            var loss = LanguageModeling.Loss(model.forward(x.to(device)), y.to(device));
            loss.backward();
            optimizer.step();
            losses.Add(loss.item<float>());
            onStep?.Invoke(step, losses[^1]);
        }
        model.eval();
        return losses;
    }
}

using TorchSharp;
using static TorchSharp.torch;

namespace Homework.FineTuning;

public static class LanguageModelTraining
{
    public static Tensor NextTokenLoss(nn.Module<Tensor, Tensor> model, Tensor windows)
    {
        var t = windows.shape[1] - 1;
        var x = windows.narrow(1, 0, t);
        var y = windows.narrow(1, 1, t);
        var logProbs = model.forward(x).log_softmax(-1);
        return -logProbs.gather(-1, y.unsqueeze(-1)).mean();
    }

    public static Tensor Train(nn.Module<Tensor, Tensor> model, long[] text, int steps, double learningRate, int batchSize, int contextLength, Generator generator)
    {
        model.train();
        var trainable = model.parameters().Where(p => p.requires_grad).ToList();
        var optimizer = optim.Adam(trainable, lr: learningRate);
        var losses = new List<double>();
        for (var step = 0; step < steps; step++)
        {
            var rows = new List<Tensor>();
            for (var b = 0; b < batchSize; b++)
            {
                var start = randint(0, text.Length - contextLength, [1], generator: generator).item<long>();
                rows.Add(tensor(text[(int)start..((int)start + contextLength + 1)]));
            }
            var batch = stack(rows.ToArray());
            optimizer.zero_grad();
            var loss = NextTokenLoss(model, batch);
            loss.backward();
            optimizer.step();
            losses.Add(loss.item<float>());
        }
        return tensor(losses.ToArray());
    }

    public static Tensor Perplexity(nn.Module<Tensor, Tensor> model, long[] text, int contextLength)
    {
        model.eval();
        using var _ = no_grad();
        double total = 0;
        long count = 0;
        for (var s = 0; s + contextLength < text.Length; s += contextLength)
        {
            var x = tensor(text[s..(s + contextLength)], [1, contextLength]);
            var y = tensor(text[(s + 1)..(s + contextLength + 1)]);
            var logProbs = model.forward(x)[0].log_softmax(-1);
            total -= logProbs.gather(-1, y.unsqueeze(-1)).sum().item<float>();
            count += contextLength;
        }
        return tensor(Math.Exp(total / count));
    }
}

using TorchSharp;
using static TorchSharp.torch;
using static Homework.FineTuning.LanguageModelTraining;

namespace Homework.FineTuning;

public static class FineTuning
{
    public static Tensor Run(
        nn.Module<Tensor, Tensor> pretrained, nn.Module<Tensor, Tensor> fresh,
        long[] shakespeareTrain, long[] shakespeareDev, long[] brownDev,
        int steps, double learningRate, int batchSize, int contextLength, Generator generator)
    {
        double Ppl(nn.Module<Tensor, Tensor> m, long[] text) => Perplexity(m, text, contextLength).item<double>();

        var a = Ppl(pretrained, shakespeareDev);
        var brownBefore = Ppl(pretrained, brownDev);

        Train(fresh, shakespeareTrain, steps, learningRate, batchSize, contextLength, generator);
        var b = Ppl(fresh, shakespeareDev);

        // a gentler rate for a model that already knows English, and fewer steps
        var rate = learningRate / 5;
        var fineTuningSteps = steps / 4;
        Train(pretrained, shakespeareTrain, fineTuningSteps, rate, batchSize, contextLength, generator);
        var c = Ppl(pretrained, shakespeareDev);
        var brownAfter = Ppl(pretrained, brownDev);

        return tensor(new[] { rate, fineTuningSteps, a, b, c, brownBefore, brownAfter });
    }
}

using TorchSharp;
using static TorchSharp.torch;

namespace Homework.Sampling;

public static class Generation
{
    public static long[] Generate(
        nn.Module<Tensor, Tensor> model, long[] prompt, int maxNewTokens, int contextLength,
        Func<Tensor, Tensor> sample, long? endOfText = null)
    {
        var text = tensor(prompt, [1, prompt.Length], device: model.parameters().First().device);
        using var _ = no_grad();
        for (var i = 0; i < maxNewTokens; i++)
        {
            var start = Math.Max(0, text.shape[1] - contextLength);
            var logits = model.call(text[TensorIndex.Colon, TensorIndex.Slice(start)]);
            var next = sample(logits.select(1, -1));
            text = cat([text, next.view(1, 1)], 1);
            if (endOfText is long stop && next.item<long>() == stop)
                break;
        }
        return text[0].cpu().data<long>().ToArray();
    }
}

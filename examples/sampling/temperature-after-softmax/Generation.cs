using TorchSharp;
using static TorchSharp.torch;

namespace Homework.Sampling;

public static class Generation
{
    public static long[] Generate(
        nn.Module<Tensor, Tensor> model, long[] prompt, int maxNewTokens, int contextLength,
        Func<Tensor, Tensor> sample, long? endOfText = null)
    {
        var tokens = prompt.ToList();
        for (var n = 0; n < maxNewTokens; n++)
        {
            var context = tokens.Count > contextLength ? tokens.GetRange(tokens.Count - contextLength, contextLength) : tokens;
            var input = tensor(context.ToArray(), [1, context.Count]);
            var logits = model.forward(input);
            var id = sample(logits[TensorIndex.Colon, logits.shape[1] - 1, TensorIndex.Colon]).item<long>();
            tokens.Add(id);
            if (endOfText.HasValue && id == endOfText.Value)
                break;
        }
        return tokens.ToArray();
    }
}

using TorchSharp;
using static TorchSharp.torch;

namespace GradingHost.Checks;

/// <summary>Parameter names and shapes are part of the contract: this copies one model's weights into another by name.</summary>
public static class Weights
{
    public static void Copy(nn.Module source, nn.Module target, string what)
    {
        var from = source.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        var to = target.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        var missing = from.Keys.Except(to.Keys).Order().ToList();
        var extra = to.Keys.Except(from.Keys).Order().ToList();
        if (missing.Count > 0 || extra.Count > 0)
            throw new StudentFeedback(
                $"The parameters of your {what} are not the ones the handout names. " +
                (missing.Count > 0 ? $"Missing: {string.Join(", ", missing)}. " : "") +
                (extra.Count > 0 ? $"Not expected: {string.Join(", ", extra)}. " : "") +
                "Check the field names and that every sub-module is registered (RegisterComponents()).");
        using var _ = no_grad();
        foreach (var (name, value) in from)
        {
            var dest = to[name];
            if (!dest.shape.SequenceEqual(value.shape))
                throw new StudentFeedback($"Parameter {name} of your {what} has shape {Shapes.Show(dest.shape)}; the handout says {Shapes.Show(value.shape)}.");
            dest.copy_(value.to(dest.dtype));
        }
    }
}

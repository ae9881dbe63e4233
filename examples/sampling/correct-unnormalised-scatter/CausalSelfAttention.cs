using Course.Kit;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Homework.Attention;

public sealed class CausalSelfAttention : nn.Module<Tensor, Tensor>, IAttentionWeights
{
    private readonly Linear query;
    private readonly Linear key;
    private readonly Linear value;
    private readonly Linear output;

    public CausalSelfAttention(TransformerConfig config) : base(nameof(CausalSelfAttention))
    {
        query = nn.Linear(config.Width, config.Width, hasBias: false);
        key = nn.Linear(config.Width, config.Width, hasBias: false);
        value = nn.Linear(config.Width, config.Width, hasBias: false);
        output = nn.Linear(config.Width, config.Width, hasBias: false);
        RegisterComponents();
    }

    public Tensor AttentionWeights(Tensor x)
    {
        var q = query.forward(x).to(float64);
        var k = key.forward(x).to(float64);
        var scores = einsum("bid,bjd->bij", q, k) * (1.0 / Math.Sqrt(q.shape[^1]));
        var visible = tril(ones(x.shape[1], x.shape[1], device: x.device)).to(ScalarType.Bool);
        var masked = where(visible, scores, tensor(double.NegativeInfinity, float64));
        return nn.functional.softmax(masked, 2).to(x.dtype);
    }

    public override Tensor forward(Tensor x) =>
        output.forward(einsum("bij,bjd->bid", AttentionWeights(x), value.forward(x)));
}

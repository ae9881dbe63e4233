using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Course.Gpt2;

/// <summary>
/// GPT-2's causal self-attention: one projection to queries, keys and values (c_attn, d → 3d), n heads
/// of softmax(mask(Q Kᵀ/√(d/n))) V, and the output projection (c_proj). Names follow Hugging Face's.
/// </summary>
public sealed class Gpt2Attention : nn.Module<Tensor, Tensor>
{
    private readonly Linear c_attn;
    private readonly Linear c_proj;
    private readonly int _heads;

    public Gpt2Attention(Gpt2Config config) : base(nameof(Gpt2Attention))
    {
        _ = config.HeadSize;
        _heads = config.Heads;
        c_attn = nn.Linear(config.Width, 3 * config.Width);
        c_proj = nn.Linear(config.Width, config.Width);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        var (b, t, d) = (x.shape[0], x.shape[1], x.shape[2]);
        var qkv = c_attn.forward(x).chunk(3, dim: -1);                                   // 3 × (B, T, d)
        var (q, k, v) = (Heads(qkv[0]), Heads(qkv[1]), Heads(qkv[2]));                   // (B, n, T, d/n)
        var scores = q.matmul(k.transpose(-2, -1)) / Math.Sqrt(d / _heads);               // (B, n, T, T)
        var future = ones(t, t, dtype: ScalarType.Bool, device: x.device).triu(1);
        var z = scores.masked_fill(future, double.NegativeInfinity).softmax(-1).matmul(v); // (B, n, T, d/n)
        return c_proj.forward(z.transpose(1, 2).reshape(b, t, d));                        // (B, T, d)
    }

    private Tensor Heads(Tensor x) => x.view(x.shape[0], x.shape[1], _heads, -1).transpose(1, 2);
}

using Course.Gpt2;
using TorchSharp;
using TorchSharp.PyBridge;
using Xunit;
using static TorchSharp.torch;

namespace GradingHost.Tests;

/// <summary>
/// GPT-2 for real without its weights (which cannot be fetched here): the tokenizer against GPT-2's
/// published ids, the loader on checkpoints written in Hugging Face's layout, and the architecture
/// against a forward pass computed by hand, independently of TorchSharp's modules.
/// </summary>
public sealed class Gpt2Tests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gpt2-test-").FullName;

    [Fact]
    public void TheTokenizerGivesGpt2sIds()
    {
        // Hugging Face's documented example for GPT2Tokenizer, and the classic two-word one.
        Assert.Equal([15496, 11, 616, 3290, 318, 13779], Gpt2Tokenizer.Encode("Hello, my dog is cute"));
        Assert.Equal([15496, 995], Gpt2Tokenizer.Encode("Hello world"));
        const string line = "First Citizen:\nBefore we proceed any further, hear me speak.";
        Assert.Equal(line, Gpt2Tokenizer.Decode(Gpt2Tokenizer.Encode(line)));
        Assert.True(Gpt2Tokenizer.Encode(line).Length < line.Length / 2, "BPE needs far fewer ids than characters");
    }

    [Fact]
    public void ACheckpointWrittenInHuggingFacesLayoutLoadsToTheSameModel()
    {
        manual_seed(5);
        var config = new Gpt2Config(VocabSize: 11, ContextLength: 8, Width: 8, Layers: 2, Heads: 2);
        using var original = new Gpt2Model(config);
        var path = Path.Combine(_folder, "model.safetensors");
        Gpt2Checkpoint.Save(original, path);

        var stored = Safetensors.LoadStateDict(path);
        Assert.Equal([8, 24], stored["h.0.attn.c_attn.weight"].shape);      // Conv1D: (in, out)
        Assert.Equal([32, 8], stored["h.1.mlp.c_proj.weight"].shape);
        Assert.DoesNotContain("lm_head.weight", stored.Keys);

        using var loaded = Gpt2Checkpoint.Load(path);
        Assert.Equal(config, loaded.Config);
        original.eval();
        var ids = randint(0, 11, [2, 8], dtype: int64);
        using (no_grad())
            Assert.True(original.forward(ids).eq(loaded.forward(ids)).all().item<bool>());
    }

    [Fact]
    public void PrefixesMaskBuffersAndTheTiedHeadAreAcceptedAndAMissingTensorIsNamed()
    {
        manual_seed(6);
        var config = new Gpt2Config(VocabSize: 7, ContextLength: 4, Width: 4, Layers: 1, Heads: 1);
        var path = Path.Combine(_folder, "model.safetensors");
        Gpt2Checkpoint.Save(new Gpt2Model(config), path);
        var stored = Safetensors.LoadStateDict(path);
        var asTransformers = stored.ToDictionary(p => "transformer." + p.Key, p => p.Value);
        asTransformers["transformer.h.0.attn.bias"] = ones(1, 1, 4, 4).tril();
        asTransformers["lm_head.weight"] = stored["wte.weight"];
        Safetensors.SaveStateDict(path, asTransformers);
        Assert.Equal(config, Gpt2Checkpoint.Load(path).Config);

        stored.Remove("h.0.ln_2.bias");
        Safetensors.SaveStateDict(path, stored);
        var error = Assert.Throws<InvalidDataException>(() => Gpt2Checkpoint.Load(path));
        Assert.Contains("h.0.ln_2.bias", error.Message);
    }

    /// <summary>One block, two heads, d = 4, V = 5: every number written down here, every step of the forward pass computed here in doubles.</summary>
    [Fact]
    public void TheForwardPassIsGpt2s()
    {
        const int d = 4, heads = 2, v = 5, t = 3, context = 4, size = d / heads;
        var wte = Grid(v, d, (i, j) => Math.Sin(1.3 * i + 0.7 * j));
        var wpe = Grid(context, d, (i, j) => 0.2 * Math.Cos(0.9 * i - 0.4 * j));
        double[] ln1G = [1.1, 0.9, 1.0, 1.2], ln1B = [0.01, -0.02, 0.03, 0.0], ln2G = [0.8, 1.2, 1.0, 0.95], ln2B = [0.0, 0.05, -0.05, 0.1];
        double[] lnFG = [1.0, 1.05, 0.9, 1.1], lnFB = [-0.03, 0.02, 0.0, 0.04];
        var cAttn = Grid(d, 3 * d, (i, j) => 0.5 * Math.Sin(0.8 * i + 0.37 * j + 0.2));            // Conv1D (in, out), as below
        var cAttnB = Enumerable.Range(0, 3 * d).Select(j => 0.02 * j - 0.1).ToArray();
        var cProj = Grid(d, d, (i, j) => i == j ? 0.9 : 0.3 * (i - j) / (1 + i + j));             // not symmetric: a missed transpose shows
        double[] cProjB = [0.02, -0.01, 0.0, 0.03];
        var cFc = Grid(d, 4 * d, (i, j) => 0.6 * Math.Cos(0.5 * i * j + i));                       // large enough to bend the GELU
        var cFcB = Enumerable.Range(0, 4 * d).Select(j => -0.05 * j).ToArray();
        var mProj = Grid(4 * d, d, (i, j) => 0.3 * Math.Sin(i - 2.0 * j));
        double[] mProjB = [0.0, 0.04, -0.02, 0.01];
        long[] ids = [2, 0, 4];

        var checkpoint = new Dictionary<string, Tensor>
        {
            ["wte.weight"] = T(wte), ["wpe.weight"] = T(wpe),
            ["h.0.ln_1.weight"] = tensor(ln1G, float32), ["h.0.ln_1.bias"] = tensor(ln1B, float32),
            ["h.0.attn.c_attn.weight"] = T(cAttn), ["h.0.attn.c_attn.bias"] = tensor(cAttnB, float32),
            ["h.0.attn.c_proj.weight"] = T(cProj), ["h.0.attn.c_proj.bias"] = tensor(cProjB, float32),
            ["h.0.ln_2.weight"] = tensor(ln2G, float32), ["h.0.ln_2.bias"] = tensor(ln2B, float32),
            ["h.0.mlp.c_fc.weight"] = T(cFc), ["h.0.mlp.c_fc.bias"] = tensor(cFcB, float32),
            ["h.0.mlp.c_proj.weight"] = T(mProj), ["h.0.mlp.c_proj.bias"] = tensor(mProjB, float32),
            ["ln_f.weight"] = tensor(lnFG, float32), ["ln_f.bias"] = tensor(lnFB, float32),
        };
        var path = Path.Combine(_folder, "model.safetensors");
        Safetensors.SaveStateDict(path, checkpoint);
        File.WriteAllText(Path.Combine(_folder, "config.json"), $$"""{"n_head": {{heads}}, "layer_norm_epsilon": 1e-5}""");
        using var model = Gpt2Checkpoint.Load(path);
        using var _ = no_grad();
        var logits = model.forward(tensor(ids, [1, t]))[0].to(float64).data<double>().ToArray();

        // By hand: x = wte[id] + wpe[pos]; x += proj(heads(ln_1 x)); x += mlp(ln_2 x); logits = ln_f(x) · wteᵀ.
        var x = Enumerable.Range(0, t).Select(p => Enumerable.Range(0, d).Select(j => wte[ids[p], j] + wpe[p, j]).ToArray()).ToArray();
        var a = x.Select(r => Affine(Norm(r, ln1G, ln1B), cAttn, cAttnB)).ToArray();           // [q | k | v] per position
        var attended = new double[t][];
        for (var p = 0; p < t; p++)
        {
            attended[p] = new double[d];
            for (var h = 0; h < heads; h++)
            {
                var o = h * size;
                var scores = Enumerable.Range(0, p + 1).Select(s => Enumerable.Range(0, size).Sum(f => a[p][o + f] * a[s][d + o + f]) / Math.Sqrt(size)).ToArray();
                var weights = scores.Select(s => Math.Exp(s - scores.Max())).ToArray();
                for (var f = 0; f < size; f++)
                    attended[p][o + f] = Enumerable.Range(0, p + 1).Sum(s => weights[s] / weights.Sum() * a[s][2 * d + o + f]);
            }
        }
        for (var p = 0; p < t; p++)
        {
            x[p] = x[p].Zip(Affine(attended[p], cProj, cProjB), (u, w) => u + w).ToArray();
            var hidden = Affine(Norm(x[p], ln2G, ln2B), cFc, cFcB)
                .Select(z => 0.5 * z * (1 + Math.Tanh(Math.Sqrt(2 / Math.PI) * (z + 0.044715 * z * z * z)))).ToArray();
            x[p] = x[p].Zip(Affine(hidden, mProj, mProjB), (u, w) => u + w).ToArray();
        }
        var expected = x.SelectMany(r =>
        {
            var f = Norm(r, lnFG, lnFB);
            return Enumerable.Range(0, v).Select(k => Enumerable.Range(0, d).Sum(j => f[j] * wte[k, j]));
        }).ToArray();
        Assert.Equal(expected, logits, (e, g) => Math.Abs(e - g) < 1e-5);
    }

    /// <summary>The fine-tuning report's GPT-2 row: bits per character and continuations when a checkpoint is supplied, "not run" and nothing lost when not.</summary>
    [Fact]
    public void TheReportEvaluatesASuppliedCheckpointAndSaysWhenThereIsNone()
    {
        string[] prompts = ["ROMEO:", "The meaning of life is"];
        var (none, notRun) = GradingHost.Checks.FineTuning.Gpt2ForTheReport.Evaluate(null, "To be.", prompts, 3, 0.8, 1);
        Assert.Null(none);
        Assert.StartsWith("not run: no GPT-2 checkpoint supplied", notRun);

        manual_seed(7);
        var path = Path.Combine(_folder, "model.safetensors");
        Gpt2Checkpoint.Save(new Gpt2Model(Gpt2Config.Small with { ContextLength = 16, Width = 8, Layers = 1, Heads = 2 }), path);
        var (result, reason) = GradingHost.Checks.FineTuning.Gpt2ForTheReport.Evaluate(path, "First Citizen:\nBefore we proceed any further, hear me speak.", prompts, 3, 0.8, 1);
        Assert.Null(reason);
        // An untrained model spreads its probability over 50,257 ids: about log2(50257) ≈ 15.6 bits per token, some bits per character.
        Assert.InRange(result!.BitsPerCharacter, 1, 16);
        Assert.Equal(prompts.Length, result.Continuations.Count);

        File.WriteAllText(path, "not a checkpoint");
        Assert.StartsWith("not run: the GPT-2 checkpoint could not be read", GradingHost.Checks.FineTuning.Gpt2ForTheReport.Evaluate(path, "x", prompts, 3, 0.8, 1).NotRun);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static double[,] Grid(int rows, int columns, Func<int, int, double> value)
    {
        var grid = new double[rows, columns];
        for (var i = 0; i < rows; i++)
            for (var j = 0; j < columns; j++)
                grid[i, j] = value(i, j);
        return grid;
    }

    private static Tensor T(double[,] grid) =>
        tensor(grid.Cast<double>().Select(x => (float)x).ToArray(), [grid.GetLength(0), grid.GetLength(1)]);

    /// <summary>x · W + b with W stored (in, out), as Conv1D stores it.</summary>
    private static double[] Affine(double[] x, double[,] w, double[] b) =>
        Enumerable.Range(0, w.GetLength(1)).Select(j => b[j] + Enumerable.Range(0, x.Length).Sum(i => x[i] * w[i, j])).ToArray();

    private static double[] Norm(double[] x, double[] gain, double[] bias)
    {
        var mean = x.Average();
        var variance = x.Average(u => (u - mean) * (u - mean));
        return x.Select((u, i) => (u - mean) / Math.Sqrt(variance + 1e-5) * gain[i] + bias[i]).ToArray();
    }
}

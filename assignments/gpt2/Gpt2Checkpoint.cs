using System.Text.Json;
using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace Course.Gpt2;

/// <summary>
/// Reads and writes GPT-2 checkpoints in Hugging Face's safetensors layout (model.safetensors, with its
/// config.json beside it when there is one). Hugging Face's names are this model's names, optionally
/// under "transformer."; its attention and MLP projections are Conv1D layers that store weights as
/// (in, out), which nn.Linear stores as (out, in), so those four matrices per block are transposed; the
/// output layer is tied to wte, so lm_head.weight is not read, nor the attention's mask buffers.
/// </summary>
public static class Gpt2Checkpoint
{
    /// <summary>GPT-2's Conv1D layers: weights stored (in, out).</summary>
    private static readonly string[] Conv1D = ["attn.c_attn.weight", "attn.c_proj.weight", "mlp.c_fc.weight", "mlp.c_proj.weight"];

    /// <summary>Entries a checkpoint may hold that are not parameters of this model.</summary>
    private static readonly string[] NotParameters = ["attn.bias", "attn.masked_bias", "lm_head.weight"];

    public static Gpt2Model Load(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"No GPT-2 checkpoint at {path}: point at a Hugging Face model.safetensors.", path);
        var tensors = Read(path)
            .ToDictionary(p => p.Key.StartsWith("transformer.", StringComparison.Ordinal) ? p.Key["transformer.".Length..] : p.Key, p => p.Value);
        var config = ConfigOf(tensors, Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, "config.json"));
        var model = new Gpt2Model(config);
        using (no_grad())
        {
            var parameters = model.state_dict();
            var unused = tensors.Keys.Where(k => !parameters.ContainsKey(k) && !NotParameters.Any(k.EndsWith)).ToList();
            if (unused.Count > 0)
                throw new InvalidDataException($"{path} holds tensors a GPT-2 model does not have: {string.Join(", ", unused.Take(5))}.");
            foreach (var (name, parameter) in parameters)
            {
                if (!tensors.TryGetValue(name, out var stored))
                    throw new InvalidDataException($"{path} has no tensor {name}; it is not a GPT-2 checkpoint of this size.");
                var value = Conv1D.Any(name.EndsWith) ? stored.t() : stored;
                if (!value.shape.SequenceEqual(parameter.shape))
                    throw new InvalidDataException($"{path}: {name} has shape [{string.Join(", ", stored.shape)}]; expected [{string.Join(", ", parameter.shape)}]{(Conv1D.Any(name.EndsWith) ? " before transposing (Conv1D stores (in, out))" : "")}.");
                parameter.copy_(value.to(parameter.dtype));
            }
        }
        model.eval();
        return model;
    }

    /// <summary>Writes <paramref name="model"/> as Hugging Face would: Conv1D weights (in, out), no "transformer." prefix, with a config.json beside it.</summary>
    public static void Save(Gpt2Model model, string path)
    {
        var tensors = model.state_dict().ToDictionary(p => p.Key, p => (Conv1D.Any(p.Key.EndsWith) ? p.Value.t() : p.Value).contiguous());
        Safetensors.SaveStateDict(path, tensors);
        var c = model.Config;
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, "config.json"), JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["model_type"] = "gpt2", ["vocab_size"] = c.VocabSize, ["n_positions"] = c.ContextLength, ["n_embd"] = c.Width,
            ["n_layer"] = c.Layers, ["n_head"] = c.Heads, ["layer_norm_epsilon"] = c.LayerNormEpsilon,
        }));
    }

    /// <summary>The file's tensors; a file that is not safetensors is refused with a sentence, whatever the reader threw.</summary>
    private static Dictionary<string, Tensor> Read(string path)
    {
        try
        {
            return Safetensors.LoadStateDict(path);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException or System.Text.Json.JsonException or EndOfStreamException or NotSupportedException)
        {
            throw new InvalidDataException($"{path} is not a safetensors file ({e.Message}).", e);
        }
    }

    /// <summary>Sizes from the tensors; the number of heads and ε from config.json, or GPT-2's 64 features per head and 1e-5.</summary>
    private static Gpt2Config ConfigOf(Dictionary<string, Tensor> tensors, string configPath)
    {
        if (!tensors.TryGetValue("wte.weight", out var wte) || !tensors.TryGetValue("wpe.weight", out var wpe))
            throw new InvalidDataException("The checkpoint has no wte.weight or wpe.weight: it is not a GPT-2 checkpoint.");
        var layers = tensors.Keys.Where(k => k.StartsWith("h.", StringComparison.Ordinal)).Select(k => int.Parse(k.Split('.')[1])).Distinct().Count();
        var width = (int)wte.shape[1];
        int heads = width / 64;
        double epsilon = 1e-5;
        if (File.Exists(configPath))
        {
            using var json = JsonDocument.Parse(File.ReadAllText(configPath));
            if (json.RootElement.TryGetProperty("n_head", out var n))
                heads = n.GetInt32();
            if (json.RootElement.TryGetProperty("layer_norm_epsilon", out var e))
                epsilon = e.GetDouble();
        }
        return new Gpt2Config((int)wte.shape[0], (int)wpe.shape[0], width, layers, heads, epsilon);
    }
}

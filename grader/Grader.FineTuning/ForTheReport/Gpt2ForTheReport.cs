using Course.Gpt2;
using GradingHost.Checks.Manifest;
using TorchSharp;
using static TorchSharp.torch;

namespace GradingHost.Checks.FineTuning;

/// <summary>
/// Q7's GPT-2, when the manifest names a checkpoint (gpt2_checkpoint): its Shakespeare dev bits per
/// character and its continuations of the report's prompts, computed here in the trusted checker. Bits per
/// character, not perplexity, because GPT-2's tokens are BPE pieces of several characters: perplexity per
/// token and per character are not comparable, the total information per character is.
/// </summary>
public sealed record Gpt2ForTheReport(double BitsPerCharacter, IReadOnlyList<string> Continuations)
{
    /// <summary>The checkpoint the manifest names (gpt2_checkpoint, relative to the manifest's folder), or null.</summary>
    public static string? CheckpointPath() =>
        ManifestLocation.ForThisGrader.Gpt2Checkpoint is { Length: > 0 } relative
            ? Path.GetFullPath(relative, Path.GetDirectoryName(Path.GetFullPath(ManifestLocation.PathForThisGrader))!)
            : null;

    /// <summary>Null with the reason when no checkpoint is supplied or it cannot be read.</summary>
    public static (Gpt2ForTheReport? Result, string? NotRun) Evaluate(string? path, string devText, IReadOnlyList<string> prompts, int newTokens, double temperature, ulong seed)
    {
        if (path is null)
            return (null, "not run: no GPT-2 checkpoint supplied (gpt2_checkpoint in assignment.yaml)");
        Gpt2Model model;
        try
        {
            model = Gpt2Checkpoint.Load(path);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            return (null, $"not run: the GPT-2 checkpoint could not be read ({e.Message})");
        }
        using (model)
        using (no_grad())
        {
            var generator = new Generator(seed);
            var continuations = prompts.Select(p => Continue(model, p, newTokens, temperature, generator)).ToList();
            return (new Gpt2ForTheReport(BitsPerCharacterOf(model, devText), continuations), null);
        }
    }

    /// <summary>Total NLL of the text in bits over the characters predicted (all but the first token's), in windows of GPT-2's context.</summary>
    private static double BitsPerCharacterOf(Gpt2Model model, string text)
    {
        var ids = Gpt2Tokenizer.Encode(text);
        var window = model.Config.ContextLength;
        double nats = 0;
        for (var start = 0; start < ids.Length - 1; start += window)
        {
            using var scope = NewDisposeScope();
            var end = Math.Min(start + window, ids.Length - 1);
            var input = tensor(ids[start..end], [1, end - start]);
            var targets = tensor(ids[(start + 1)..(end + 1)]);
            nats += nn.functional.cross_entropy(model.forward(input)[0].to(float64), targets, reduction: nn.Reduction.Sum).item<double>();
        }
        var predicted = text.Length - Gpt2Tokenizer.Decode(ids[..1]).Length;
        return nats / Math.Log(2) / predicted;
    }

    private static string Continue(Gpt2Model model, string prompt, int newTokens, double temperature, Generator generator)
    {
        var ids = Gpt2Tokenizer.Encode(prompt).ToList();
        var added = new List<long>();
        for (var i = 0; i < newTokens; i++)
        {
            using var scope = NewDisposeScope();
            var window = ids.Skip(Math.Max(0, ids.Count - model.Config.ContextLength)).ToArray();
            var logits = model.forward(tensor(window, [1, window.Length]))[0, -1];
            var next = (logits / temperature).softmax(-1).multinomial(1, generator: generator).item<long>();
            if (next == Gpt2Tokenizer.EndOfText)
                break;
            ids.Add(next);
            added.Add(next);
        }
        return Gpt2Tokenizer.Decode(added);
    }
}

using Course.Kit;
using Xunit;
using static GradingHost.Checks.FineTuning.Models;
using static TorchSharp.torch;

namespace GradingHost.Checks.FineTuning;

/// <summary>
/// LoRA.Merge folds W ← W + (α/r)·B A: the merged model computes what the adapted one did, and it does so
/// with its pretrained weights alone (the reference's plain Q3 model holding them computes the same). The
/// adapters are first set to random values, so that a merge that gets the scale or the order of B A wrong shows.
/// </summary>
public sealed class LoRAMergeChecks
{
    private const string What = "LoRA model";
    private const double AdapterStd = 0.05;

    [Fact]
    public void MergedAndUnmergedOutputsAgree()
    {
        var profile = SubmissionUnderTest.Profile;
        var config = ReferenceModel.Config(profile);
        var weights = ReferenceModel.Pretrained(profile);
        var model = Model.Create(LanguageModel, config, (long)profile.Seed);
        model.Load(weights, "pretrained TinyLanguageModel");
        var lora = Setup.For(profile).LoRA;
        var (_, added) = Adapters.Add(model, lora, profile.Seed, What);
        var generator = new Generator(11);
        var adapters = added.Select(p => (p.Name, Value: randn(p.Value.shape, generator: generator) * AdapterStd)).ToList();
        model.Load(adapters, What);
        model.Eval();

        var tokens = tensor(ShakespeareCorpus.Instance.Dev.Ids[..64], [2, 32]);
        var unmerged = model.Forward(tokens, What);
        Submission.Merge(model);
        var merged = model.Forward(tokens, What);
        if (Compare.Difference(unmerged, merged, $"The logits after {LoRAClass}.{Merge}") is { } difference)
            throw new StudentFeedback(
                $"With every adapter's A and B set to random values, {difference} Merging adds (α/r)·B A, an (out, in) matrix, to each adapted weight and the model then computes what it computed before.");

        // By the reference's names: a plain Q3 model holds those, whatever else the student's model has.
        var before = weights.ToDictionary(p => p.Name, p => p.Value);
        var mergedWeights = model.ParameterValues(What).Where(p => before.ContainsKey(p.Name)).ToList();
        using var plain = ReferenceModel.Module(config, mergedWeights);
        using var _ = no_grad();
        if (Compare.Difference(plain.forward(tokens), merged, $"A plain HW2 Q3 model holding your merged weights") is { } unfolded)
            throw new StudentFeedback(
                $"{unfolded} After {LoRAClass}.{Merge} the adapters' work is in W_Q and W_V themselves: a model without adapters, given the merged weights, computes the same logits.");

        var changed = mergedWeights.Where(p => !Adapters.Unchanged(p.Value, before[p.Name])).ToList();
        var adapted = before.Keys.Where(AdaptedByLoRA).ToList();
        if (!changed.Select(p => p.Name).Order().SequenceEqual(adapted.Order()))
            throw new StudentFeedback(
                $"{LoRAClass}.{Merge} changed [{string.Join(", ", changed.Select(p => p.Name))}]; LoRA here adapts W_Q and W_V of every block, so merging changes " +
                $"[{string.Join(", ", adapted)}] and nothing else. Put the adapters on the query and value projections.");
        var factors = adapters.Select(a => a.Value).ToList();
        foreach (var (name, value) in changed)
            if (ScaleOf(value - before[name], factors) is { } scale && Math.Abs(scale - lora.Alpha / lora.Rank) > 1e-3 * lora.Alpha / lora.Rank)
                throw new StudentFeedback(
                    $"{LoRAClass}.{Merge} changed {name} by {scale:G4}·B A; LoRA's update is (α/r)·B A = {lora.Alpha / lora.Rank:G4}·B A (α = {lora.Alpha:0.##}, r = {lora.Rank}). " +
                    "Scale the adapter's output and the merged update by α/r, both.");
    }

    /// <summary>The handout's names of W_Q and W_V, which the model item holds every Q3 model to.</summary>
    private static bool AdaptedByLoRA(string name) =>
        name.EndsWith(".attention.query.weight", StringComparison.Ordinal) || name.EndsWith(".attention.value.weight", StringComparison.Ordinal);

    /// <summary>
    /// c such that ΔW = c·B A for the pair of adapter matrices (either stored either way round) that explains ΔW best;
    /// null when none does (then the logits above already differ, or the update is not LoRA's).
    /// </summary>
    private static double? ScaleOf(Tensor delta, IReadOnlyList<Tensor> adapters)
    {
        var (rows, columns) = (delta.shape[0], delta.shape[1]);
        var target = delta.to(float64);
        var candidates = adapters.Where(a => a.dim() == 2).SelectMany(a => new[] { a, a.t() }).ToList();
        var best = (Residual: double.PositiveInfinity, Scale: 0.0);
        foreach (var b in candidates.Where(b => b.shape[0] == rows))
        foreach (var a in candidates.Where(a => a.shape[1] == columns && a.shape[0] == b.shape[1]))
        {
            var product = b.to(float64).matmul(a.to(float64));                                  // (out, in)
            var norm = product.square().sum().item<double>();
            if (norm == 0)
                continue;
            var scale = (target * product).sum().item<double>() / norm;
            var residual = (target - scale * product).norm().item<double>() / Math.Max(target.norm().item<double>(), 1e-30);
            if (residual < best.Residual)
                best = (residual, scale);
        }
        return best.Residual < 1e-3 ? best.Scale : null;
    }
}

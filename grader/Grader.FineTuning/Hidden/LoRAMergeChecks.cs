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
        var (pretrained, added) = Adapters.Add(model, Setup.For(profile).LoRA, profile.Seed, What);
        var generator = new Generator(11);
        model.Load(added.Select(p => (p.Name, randn(p.Value.shape, generator: generator) * AdapterStd)), What);
        model.Eval();

        var tokens = tensor(ShakespeareCorpus.Instance.Dev.Ids[..64], [2, 32]);
        var unmerged = model.Forward(tokens, What);
        Submission.Merge(model);
        var merged = model.Forward(tokens, What);
        if (Compare.Difference(unmerged, merged, $"The logits after {LoRAClass}.{Merge}") is { } difference)
            throw new StudentFeedback(
                $"With every adapter's A and B set to random values, {difference} Merging adds (α/r)·B A, an (out, in) matrix, to each adapted weight and the model then computes what it computed before.");

        var mergedWeights = model.ParameterValues(What).Where(p => pretrained.Contains(p.Name)).ToList();
        using var plain = ReferenceModel.Module(config, mergedWeights);
        using var _ = no_grad();
        if (Compare.Difference(plain.forward(tokens), merged, $"A plain HW2 Q3 model holding your merged weights") is { } unfolded)
            throw new StudentFeedback(
                $"{unfolded} After {LoRAClass}.{Merge} the adapters' work is in W_Q and W_V themselves: a model without adapters, given the merged weights, computes the same logits.");
    }
}

using Course.Kit;
using GradingHost.Checks.Scaling;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace GradingHost.Tests;

/// <summary>
/// What the scaling grader takes on trust: the stand-in model's stated NLLs are what the reference computes
/// from its logits, the family's model sees no later token and has the parameters it reports, the stories
/// are read as the data README says, and the kit's t quantile is the textbook one.
/// </summary>
public sealed class ScalingStudyTests
{
    [Fact]
    public void TheStandInsStatedNllsAreWhatTheReferenceComputesFromItsLogits()
    {
        using var model = new FunctionModel(KnownModel.Forward);
        foreach (var text in new[] { TokenNllChecks.Text, [0, 1, 2, 3], [11, 0, 5, 5, 6] })
        {
            var reference = Homework.Scaling.Perplexity.TokenNegativeLogLikelihoods(model, text).data<double>().ToArray();
            Assert.Equal(KnownModel.Nll(text), reference, (a, b) => Math.Abs(a - b) < 1e-12);
        }
        // The check's diagnoses of a mistake must not describe the right answer as one.
        var said = TokenNllChecks.Diagnose(KnownModel.Nll(TokenNllChecks.Text));
        Assert.DoesNotContain("base-2", said);
        Assert.DoesNotContain("its own position", said);
    }

    [Fact]
    public void AFamilyModelSeesNoLaterTokenAndHasTheParametersItReports()
    {
        manual_seed(3);
        var config = new NGramConfig(VocabSize: 20, Window: 4, Embedding: 3, Hidden: 7);
        using var model = new NeuralNGramModel(config);
        model.eval();
        using var _ = no_grad();
        var text = randint(0, 20, [1, 12], dtype: int64);
        var changed = text.clone();
        changed[0, 8] = (changed[0, 8] + 1).remainder(20);
        var (a, b) = (model.forward(text), model.forward(changed));
        Assert.True(a[.., ..8].allclose(b[.., ..8]), "positions before the change must not move");
        Assert.False(a[.., 8].allclose(b[.., 8]), "the changed position must move");
        Assert.False(a[.., 11].allclose(b[.., 11]), "a position within the window after it must move");
        Assert.Equal(config.Parameters, model.parameters().Sum(p => p.numel()));
    }

    [Fact]
    public void TheStoriesAreReadAsTheDataReadmeDescribes()
    {
        var stories = TinyStories.Load();
        Assert.Equal(884, stories.Train.Count);
        Assert.Equal(226, stories.Valid.Count);
        Assert.Equal(TinyStories.StudyStories, stories.StudySample.Count);
        Assert.StartsWith("Spot. Spot saw the shiny car", stories.Valid[0]);
        Assert.DoesNotContain(stories.Train.Concat(stories.Valid), s => s.Contains(TinyStories.EndOfStory) || s.Contains("<|endoftext|>"));
        Assert.NotEqual(CharVocabulary.UnknownId, stories.EndOfStoryId);
        Assert.Equal(stories.Train.Count, stories.TrainingStream().Ids.Count(id => id == stories.EndOfStoryId));
    }

    [Fact]
    public void TheKitsTQuantileIsTheTextbookOne()
    {
        Assert.Equal(12.7062, TDistribution.Quantile(0.975, 1), 4);
        Assert.Equal(2.0096, TDistribution.Quantile(0.975, 49), 4);
        Assert.Throws<ArgumentOutOfRangeException>(() => TDistribution.Quantile(0.975, 0));
    }

    /// <summary>A language model whose forward pass is a function, as the stand-in is in the checker.</summary>
    private sealed class FunctionModel(Func<Tensor, Tensor> answer) : nn.Module<Tensor, Tensor>("FunctionModel")
    {
        public override Tensor forward(Tensor input) => answer(input);
    }
}

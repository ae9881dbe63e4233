using Course.Kit;
using GradingHost.Checks;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace GradingHost.Tests;

/// <summary>Trainings are shared by fingerprint: only a model that starts and computes exactly alike may reuse one.</summary>
public sealed class TrainedModelsTests
{
    [Fact]
    public void OnlyAnIdenticalModelReusesATraining()
    {
        var previous = Environment.GetEnvironmentVariable(ArtifactCache.Variable);
        Environment.SetEnvironmentVariable(ArtifactCache.Variable, Directory.CreateTempSubdirectory().FullName);
        try
        {
            var profile = TrainingProfile.Cpu with { Name = "test", Steps = 5 };
            var corpus = BrownCorpus.Instance;

            var first = new Bigram(corpus.Vocabulary.Size, seed: 1, scale: 1);
            Assert.NotNull(TrainedModels.Train(first, profile, corpus));
            var same = new Bigram(corpus.Vocabulary.Size, seed: 1, scale: 1);
            Assert.Null(TrainedModels.Train(same, profile, corpus));
            Assert.True(first.Weight.eq(same.Weight).all().item<bool>());

            // Same start, different computation (a fault), and different start, same computation: both train.
            Assert.NotNull(TrainedModels.Train(new Bigram(corpus.Vocabulary.Size, seed: 1, scale: 2), profile, corpus));
            Assert.NotNull(TrainedModels.Train(new Bigram(corpus.Vocabulary.Size, seed: 2, scale: 1), profile, corpus));
            Assert.NotNull(TrainedModels.Train(new Bigram(corpus.Vocabulary.Size, seed: 1, scale: 1), profile with { Steps = 6 }, corpus));
        }
        finally
        {
            Environment.SetEnvironmentVariable(ArtifactCache.Variable, previous);
        }
    }

    private sealed class Bigram : nn.Module<Tensor, Tensor>
    {
        private readonly TorchSharp.Modules.Embedding table;
        private readonly double _scale;

        public Bigram(int vocabulary, long seed, double scale) : base(nameof(Bigram))
        {
            manual_seed(seed);
            table = nn.Embedding(vocabulary, vocabulary);
            _scale = scale;
            RegisterComponents();
        }

        public Tensor Weight => table.weight!;

        public override Tensor forward(Tensor tokens) => table.forward(tokens) * _scale;
    }
}

using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Course.Kit;
using TorchSharp;
using static TorchSharp.torch;

namespace GradingHost.Checks;

/// <summary>
/// Trains language models with a profile, each distinct model once. Training is seeded, so two models
/// that start from the same parameters and compute the same outputs and gradients on a training batch
/// end with the same weights: the weights are cached (<see cref="ArtifactCache"/>) under a fingerprint
/// of that start, the kit, the corpus, the profile, TorchSharp and the machine. The reference graded by
/// verify, the reports' baselines (the Q1 reference, whichever grader holds its copy) and every fault or
/// regrade that leaves the model alone share one training run.
/// </summary>
public static class TrainedModels
{
    /// <summary>Trains <paramref name="model"/> in place, on its device, or loads the weights an identical model reached.</summary>
    /// <returns>how long training took; null when the weights were reused</returns>
    public static TimeSpan? Train(nn.Module<Tensor, Tensor> model, TrainingProfile profile, BrownCorpus corpus)
    {
        TimeSpan? took = null;
        ArtifactCache.LoadOrCreate($"trained-model-{Fingerprint(model, profile, corpus)}.dat",
            path =>
            {
                model.load(path);
                model.eval();
            },
            () =>
            {
                var clock = Stopwatch.StartNew();
                Trainer.Train(model, corpus.Train, profile, new Generator(profile.Seed));
                took = clock.Elapsed;
            },
            path => model.save(path));
        return took;
    }

    /// <summary>What the report says of a training <see cref="Train"/> did or reused.</summary>
    public static string Describe(TrainingProfile profile, TimeSpan? took) => took is { } t
        ? $"{profile.Steps} steps in {t.TotalSeconds:0.#} s"
        : $"{profile.Steps} steps (weights reused from an identical model trained earlier)";

    /// <remarks>The probe batch has the training batch's shape, so code that depends on the batch size is seen as it trains.</remarks>
    private static string Fingerprint(nn.Module<Tensor, Tensor> model, TrainingProfile profile, BrownCorpus corpus)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void AddText(string text) => hash.AppendData(Encoding.UTF8.GetBytes(text));
        void AddTensor(Tensor? t)
        {
            if (t is null)
            {
                AddText("none");
                return;
            }
            AddText($"{t.dtype} [{string.Join(", ", t.shape)}]");
            hash.AppendData(MemoryMarshal.AsBytes(t.detach().to(float64).cpu().data<double>().ToArray().AsSpan()));
        }

        using (NewDisposeScope())
        {
            var device = Devices.Of(model);
            model.train();
            var (x, y) = corpus.Train.RandomBatch(profile.BatchSize, profile.ContextLength, new Generator(profile.Seed + 1));
            var logits = model.forward(x.to(device));
            LanguageModeling.Loss(logits, y.to(device)).backward();
            AddTensor(logits);
            foreach (var (name, parameter) in model.named_parameters())
            {
                AddText(name);
                AddTensor(parameter);
                AddTensor(parameter.grad);
            }
            model.zero_grad();
        }
        hash.AppendData(File.ReadAllBytes(typeof(TrainingProfile).Assembly.Location));
        hash.AppendData(File.ReadAllBytes(CourseData.PathOf("brown-train.txt")));
        AddText(profile.ToString());
        AddText(typeof(torch).Assembly.FullName ?? "");
        AddText(ArtifactCache.Machine);
        return Convert.ToHexString(hash.GetHashAndReset())[..16].ToLowerInvariant();
    }
}

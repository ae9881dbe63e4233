using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Course.Kit;
using TorchSharp;
using static TorchSharp.torch;

namespace GradingHost.Checks.Sampling;

/// <summary>
/// A language model trained with a profile, for the report only. Training takes about 10 s and verify
/// grades many variants whose model code is the same, so trained weights are cached
/// (<see cref="ArtifactCache"/>) under a fingerprint of everything that determines them: the initial
/// parameters, the output and the gradients on a fixed batch (which capture what the model's code computes), the kit, the corpus, the
/// profile, the TorchSharp version and the machine (<see cref="ArtifactCache.Machine"/>).
/// </summary>
public static class TrainedLanguageModels
{
    public static void Train(nn.Module<Tensor, Tensor> model, TrainingProfile profile, BrownCorpus corpus)
    {
        ArtifactCache.LoadOrCreate($"sampling-report-model-{Fingerprint(model, profile, corpus)}.dat",
            path =>
            {
                model.load(path);
                model.eval();
            },
            () =>
            {
                model.to(Devices.Best);
                Trainer.Train(model, corpus.Train, profile, new Generator(profile.Seed));
                model.to(CPU);
            },
            path => model.save(path));
    }

    private static string Fingerprint(nn.Module<Tensor, Tensor> model, TrainingProfile profile, BrownCorpus corpus)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(ReadOnlySpan<byte> bytes) => hash.AppendData(bytes);
        void AddText(string text) => Add(Encoding.UTF8.GetBytes(text));
        void AddTensor(Tensor? t) => Add(t is null ? [] : MemoryMarshal.AsBytes(t.detach().to(float32).cpu().data<float>().ToArray().AsSpan()));

        model.train();
        var (x, y) = corpus.Train.RandomBatch(2, profile.ContextLength, new Generator(profile.Seed + 1));
        var logits = model.forward(x);
        LanguageModeling.Loss(logits, y).backward();
        AddTensor(logits);
        foreach (var (name, parameter) in model.named_parameters())
        {
            AddText(name);
            AddTensor(parameter);
            AddTensor(parameter.grad);
        }
        model.zero_grad();
        Add(File.ReadAllBytes(typeof(TrainingProfile).Assembly.Location));
        Add(File.ReadAllBytes(CourseData.PathOf("brown-train.txt")));
        AddText(profile.ToString());
        AddText(typeof(torch).Assembly.FullName ?? "");
        AddText(ArtifactCache.Machine);
        return Convert.ToHexString(hash.GetHashAndReset())[..16].ToLowerInvariant();
    }
}

using System.Security.Cryptography;
using Course.Kit;
using TorchSharp;
using static GradingHost.Checks.Attention.Models;
using static TorchSharp.torch;

namespace GradingHost.Checks.Attention;

/// <summary>
/// The reference model trained with a profile. Training costs seconds to minutes, so the weights are
/// cached in GRADINGHOST_CACHE under a hash of everything that determines them: the reference and kit
/// assemblies, the training text and the profile.
/// </summary>
public static class TrainedReference
{
    public const string CacheVariable = "GRADINGHOST_CACHE";

    public static TrainedModel Load(TrainingProfile profile, BrownCorpus corpus)
    {
        var config = profile.ModelConfig(corpus.Vocabulary.Size, heads: 1);
        manual_seed((long)profile.Seed);
        var model = ReferenceModel.Implementation.Create(LanguageModel, config);
        var cache = Environment.GetEnvironmentVariable(CacheVariable);
        var path = cache is null ? null : Path.Combine(cache, $"reference-attention-{Key(profile)}.dat");
        if (path is not null && File.Exists(path))
        {
            model.load(path);
            return new TrainedModel(model, config);
        }
        model.to(Devices.Best);
        Trainer.Train(model, corpus.Train, profile, new Generator(profile.Seed));
        model.to(CPU);
        if (path is not null)
        {
            Directory.CreateDirectory(cache!);
            var partial = path + $".{Environment.ProcessId}.tmp";
            model.save(partial);
            File.Move(partial, path, overwrite: true);
        }
        return new TrainedModel(model, config);
    }

    private static string Key(TrainingProfile profile)
    {
        using var sha = SHA256.Create();
        foreach (var assembly in new[] { ReferenceModel.Assembly, typeof(TrainingProfile).Assembly })
        {
            var bytes = File.ReadAllBytes(assembly.Location);
            sha.TransformBlock(bytes, 0, bytes.Length, null, 0);
        }
        var corpus = File.ReadAllBytes(CourseData.PathOf("brown-train.txt"));
        sha.TransformBlock(corpus, 0, corpus.Length, null, 0);
        var tail = System.Text.Encoding.UTF8.GetBytes(profile.ToString());
        sha.TransformFinalBlock(tail, 0, tail.Length);
        return Convert.ToHexString(sha.Hash!)[..16].ToLowerInvariant();
    }
}

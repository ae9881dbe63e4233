using System.Globalization;
using System.Security.Cryptography;
using Course.Kit;
using TorchSharp;
using static TorchSharp.torch;

namespace GradingHost.Checks.MultiHead;

/// <summary>
/// The dev perplexity of HW2 Q1's single-head reference trained with a profile. Training costs seconds
/// to minutes, so the figure is cached in GRADINGHOST_CACHE under a hash of everything that determines
/// it: the single-head reference and kit assemblies, the corpus splits and the profile.
/// </summary>
public static class SingleHeadBaseline
{
    public const string CacheVariable = "GRADINGHOST_CACHE";

    public static double DevPerplexity(TrainingProfile profile, BrownCorpus corpus)
    {
        var cache = Environment.GetEnvironmentVariable(CacheVariable);
        var path = cache is null ? null : Path.Combine(cache, $"reference-attention-dev-perplexity-{Key(profile)}.txt");
        if (path is not null && File.Exists(path))
            return double.Parse(File.ReadAllText(path), CultureInfo.InvariantCulture);

        manual_seed((long)profile.Seed);
        var model = ReferenceModel.SingleHead.Create(Models.LanguageModel, profile.ModelConfig(corpus.Vocabulary.Size, heads: 1)).to(Devices.Best);
        Trainer.Train(model, corpus.Train, profile, new Generator(profile.Seed));
        var perplexity = LanguageModeling.Perplexity(model, corpus.Dev, profile.ContextLength, profile.EvalTokens);
        if (path is not null)
        {
            Directory.CreateDirectory(cache!);
            var partial = path + $".{Environment.ProcessId}.tmp";
            File.WriteAllText(partial, perplexity.ToString("R", CultureInfo.InvariantCulture));
            File.Move(partial, path, overwrite: true);
        }
        return perplexity;
    }

    private static string Key(TrainingProfile profile)
    {
        using var sha = SHA256.Create();
        foreach (var assembly in new[] { ReferenceModel.SingleHeadAssembly, typeof(TrainingProfile).Assembly })
        {
            var bytes = File.ReadAllBytes(assembly.Location);
            sha.TransformBlock(bytes, 0, bytes.Length, null, 0);
        }
        foreach (var split in new[] { "brown-train.txt", "brown-dev.txt" })
        {
            var text = File.ReadAllBytes(CourseData.PathOf(split));
            sha.TransformBlock(text, 0, text.Length, null, 0);
        }
        var tail = System.Text.Encoding.UTF8.GetBytes(profile.ToString());
        sha.TransformFinalBlock(tail, 0, tail.Length);
        return Convert.ToHexString(sha.Hash!)[..16].ToLowerInvariant();
    }
}

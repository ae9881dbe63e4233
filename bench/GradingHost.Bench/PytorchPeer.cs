using System.Diagnostics;
using System.Text.Json;
using Course.Kit;
using GradingHost.Pipeline;

namespace GradingHost.Bench;

/// <summary>The same training step in PyTorch (bench/peer/training_step.py), where a python3 with torch is installed.</summary>
internal sealed record PytorchPeer(string Version, double TokensPerSecond, double ModelSizedGflops)
{
    /// <returns>null, with nothing measured, where no python3 with torch is found (on PATH, then Debian's own)</returns>
    public static PytorchPeer? Measure(RepositoryLayout layout)
    {
        var profile = TrainingProfile.Cpu;
        var config = profile.ModelConfig(BrownCorpus.Instance.Vocabulary.Size, heads: 1);
        string[] arguments = [Path.Combine(layout.Root, "bench", "peer", "training_step.py"), "--vocab", $"{config.VocabSize}", "--context", $"{config.ContextLength}",
            "--width", $"{config.Width}", "--layers", $"{config.Layers}", "--batch", $"{profile.BatchSize}", "--steps", "100", "--mlp", $"{config.MlpWidth}",
            "--lr", $"{profile.LearningRate}"];
        foreach (var python in new[] { "python3", "/usr/bin/python3" })
        {
            if (Run(python, arguments) is { } peer)
                return peer;
        }
        return null;
    }

    private static PytorchPeer? Run(string python, string[] arguments)
    {
        var start = new ProcessStartInfo(python, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        try
        {
            using var process = Process.Start(start)!;
            var errors = process.StandardError.ReadToEndAsync();
            var text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                Console.WriteLine($"  no PyTorch peer with {python}: {errors.Result.Trim().Split('\n')[^1]}");
                return null;
            }
            using var json = JsonDocument.Parse(text);
            var root = json.RootElement;
            return new PytorchPeer(root.GetProperty("torch").GetString()!, root.GetProperty("tokens_per_second").GetDouble(), root.GetProperty("model_sized_gflops").GetDouble());
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Console.WriteLine($"  no PyTorch peer: {python} is not installed");
            return null;
        }
    }
}

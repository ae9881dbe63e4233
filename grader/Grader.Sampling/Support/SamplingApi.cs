using GradingHost.Protocol;
using static TorchSharp.torch;

namespace GradingHost.Checks.Sampling;

/// <summary>
/// The seam between the sampling checks and the student's code: the handout's three static methods,
/// called in the sandboxed worker. Draws are made there in one call per batch of draws, so that a
/// check of thousands of draws costs one round trip.
/// </summary>
public sealed class SamplingApi(Implementation submission)
{
    public const string SamplerClass = "Sampler";
    public const string GenerationClass = "Generation";

    public Sampler Temperature(double temperature, Argument generator) =>
        new(Models.SampleWithTemperature, [Argument.Of(temperature), generator], $"τ = {temperature:G4}");

    public Sampler Nucleus(double p, double temperature, Argument generator) =>
        new(Models.SampleNucleus, [Argument.Of(p), Argument.Of(temperature), generator], $"p = {p:G4}, τ = {temperature:G4}");

    /// <summary>SampleNucleus(logits, p, generator: g), τ left to the signature's default.</summary>
    public Sampler NucleusAtDefaultTemperature(double p, Argument generator) =>
        new(Models.SampleNucleus, [Argument.Of(p), Argument.Omitted, generator], $"p = {p:G4}, τ left out");

    /// <summary>A generator seeded with <paramref name="seed"/>, held by the worker, for the caller's draws.</summary>
    public Argument Generator(ulong seed) => submission.Generator(seed);

    /// <summary>torch.manual_seed in the worker: checks seed the global generator too, so a sampler that ignores the caller's gives the same verdict every run.</summary>
    public void ManualSeed(long seed) => submission.ManualSeed(seed);

    /// <summary><paramref name="times"/> calls of <paramref name="sampler"/>, each on the same (B, V) logits, each result read and checked.</summary>
    public IReadOnlyList<long[]> Draw(Sampler sampler, double[][] rows, int times)
    {
        var logits = Logits(rows);
        var doing = $"Calling {SamplerClass}.{sampler.Method} on logits {Shapes.Show(logits.shape)} with {sampler.Description}";
        var results = submission.Invoke(SamplerClass, sampler.Method, [Argument.Of(logits), .. sampler.After], doing, times);
        if (results.Count != times)
            throw new StudentCodeFailed($"{doing}, the process running your code answered {results.Count} times instead of {times}.");
        return results.Select(r => Read(r, rows.Length, rows[0].Length, sampler.Method, doing)).ToList();
    }

    /// <summary>What one call with invalid arguments threw; null when it returned.</summary>
    public StudentFault? Rejection(Sampler sampler, double[] row)
    {
        try
        {
            Draw(sampler, [row], 1);
            return null;
        }
        catch (StudentCodeFailed e) when (e.Fault is { Kind: FaultKind.Threw } fault)
        {
            return fault;
        }
    }

    /// <summary>The student's Generate; a probe's own feedback (the stand-in model refused an input) is reported before what the student's code made of it.</summary>
    public long[] Generate(Argument model, long[] prompt, int maxNewTokens, int contextLength, Argument sample, long? endOfText, params Probe[] probes)
    {
        var doing = $"Calling {GenerationClass}.{Models.Generate} with a prompt of {prompt.Length} tokens, maxNewTokens = {maxNewTokens}, contextLength = {contextLength}";
        IReadOnlyList<Returned> returned;
        try
        {
            returned = submission.Invoke(GenerationClass, Models.Generate,
                [model, Argument.Of(prompt), Argument.OfInt32(maxNewTokens), Argument.OfInt32(contextLength), sample, Argument.Of(endOfText)], doing);
        }
        catch (Exception e) when (e is StudentFeedback or StudentCodeFailed)
        {
            foreach (var probe in probes)
                probe.ThrowIfFailed();
            throw;
        }
        foreach (var probe in probes)
            probe.ThrowIfFailed();
        return returned.Single().Integers ?? throw new StudentCodeFailed("Generate returned null; it returns the prompt followed by the new tokens.");
    }

    /// <summary>(B, V) float32 logits.</summary>
    public static Tensor Logits(double[][] rows) =>
        tensor(rows.SelectMany(r => r.Select(v => (float)v)).ToArray(), [rows.Length, rows[0].Length]);

    private long[] Read(Returned returned, long batch, long vocabulary, string method, string doing)
    {
        if (returned.Tensor is not { } data)
            throw new StudentCodeFailed($"{method} returned null; it returns one token id per row.");
        long[] expected = [batch];
        long[] ids;
        if (data.DType == "Int64" && data.Shape is { } shape && shape.SequenceEqual(expected))
            ids = Int64s(data, expected, doing);
        else
        {
            // Not int64 ids of the right shape: read the tensor to say what it is.
            using var result = submission.Worker.Read(data, doing);
            if (!result.shape.SequenceEqual(expected))
                throw new StudentFeedback($"{method} returned shape {Shapes.Show(result.shape)} for logits ({batch}, {vocabulary}); expected {Shapes.Show(expected)}, one token id per row.");
            throw new StudentFeedback($"{method} returned {result.dtype} values; token ids are int64, as multinomial and argmax give them.");
        }
        var bad = Array.FindIndex(ids, id => id < 0 || id >= vocabulary);
        if (bad >= 0)
            throw new StudentFeedback($"{method} returned token id {ids[bad]} for row {bad}, outside the vocabulary 0…{vocabulary - 1}.");
        return ids;
    }

    private long[] Int64s(TensorData data, long[] shape, string doing)
    {
        try
        {
            return TensorWire.Int64s(data, shape);
        }
        catch (InvalidDataException)
        {
            // Malformed: let the general reader say so, and end the worker.
            submission.Worker.Read(data, doing);
            throw;
        }
    }
}

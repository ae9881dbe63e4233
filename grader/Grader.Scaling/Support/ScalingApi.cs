using GradingHost.Protocol;
using static GradingHost.Checks.Scaling.Models;
using static TorchSharp.torch;

namespace GradingHost.Checks.Scaling;

/// <summary>
/// The seam between the scaling checks and the student's code: the handout's static methods, called in
/// the sandboxed worker, each answer read and checked for its shape before a check judges its values.
/// A model argument is a <see cref="StandInModel"/>, answered here, whose own feedback (an input no language
/// model takes) is reported before what the student's code made of it.
/// </summary>
public sealed class ScalingApi(Implementation submission)
{
    public Tensor TokenNll(StandInModel model, long[] tokens) =>
        Call(model, PerplexityClass, TokenNegativeLogLikelihoods, [model.Argument, Argument.Of(tokens)],
            $"{PerplexityClass}.{TokenNegativeLogLikelihoods} on a text of {tokens.Length} tokens", [tokens.Length - 1]);

    public double Perplexity(StandInModel model, long[] tokens) =>
        Scalar(Call(model, PerplexityClass, Compute, [model.Argument, Argument.Of(tokens)],
            $"{PerplexityClass}.{Compute} on a text of {tokens.Length} tokens", null));

    public double ConditionalPerplexity(StandInModel model, long[] context, long[] continuation) =>
        Scalar(Call(model, PerplexityClass, Conditional, [model.Argument, Argument.Of(context), Argument.Of(continuation)],
            $"{PerplexityClass}.{Conditional} with a context of {context.Length} tokens and a continuation of {continuation.Length}", null));

    public long[] Top(Tensor negativeLogLikelihoods, int k)
    {
        var doing = $"{PerplexityClass}.{TopContributors} on {negativeLogLikelihoods.shape[0]} NLLs with k = {k}";
        var returned = submission.Invoke(PerplexityClass, TopContributors, [Argument.Of(negativeLogLikelihoods), Argument.OfInt32(k)], doing).Single();
        return returned.Integers ?? throw new StudentCodeFailed($"{doing}: it returned null; it returns the k positions as a long[].");
    }

    /// <summary>[mean, low, high].</summary>
    public double[] ConfidenceInterval(double[] values) =>
        Doubles(Call(null, StatisticsClass, MeanWithConfidenceInterval, [Argument.Of(tensor(values, float64))],
            $"{StatisticsClass}.{MeanWithConfidenceInterval} on {values.Length} values", [3]));

    /// <summary>[slope, intercept, standard error of the slope].</summary>
    public double[] Line(double[] x, double[] y) =>
        Doubles(Call(null, StatisticsClass, FitLine, [Argument.Of(tensor(x, float64)), Argument.Of(tensor(y, float64))],
            $"{StatisticsClass}.{FitLine} on {x.Length} points", [3]));

    /// <summary>[α, c, standard error of α].</summary>
    public double[] PowerLaw(double[] parameters, double[] perplexities) =>
        Doubles(Call(null, StatisticsClass, FitPowerLaw, [Argument.Of(tensor(parameters, float64)), Argument.Of(tensor(perplexities, float64))],
            $"{StatisticsClass}.{FitPowerLaw} on {parameters.Length} models", [3]));

    private Tensor Call(StandInModel? model, string type, string method, IReadOnlyList<Argument> arguments, string doing, long[]? shape) =>
        submission.InvokeForNumbers(type, method, arguments, doing, shape, model?.Probe);

    private static double Scalar(Tensor value) => value.flatten()[0].item<double>();

    private static double[] Doubles(Tensor value) => value.data<double>().ToArray();
}

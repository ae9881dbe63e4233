using System.Text.RegularExpressions;
using GradingHost.Protocol;
using Xunit;
using static GradingHost.Checks.MultiHead.Models;

namespace GradingHost.Checks.MultiHead;

/// <summary>d/n must be a whole number of features; otherwise the constructor must say so instead of building a layer with the wrong head size.</summary>
public sealed class DivisibilityChecks
{
    /// <summary>(width, heads) with n ∤ d; neither number's digits occur in the other, so the message check sees both.</summary>
    private static readonly (int D, int N)[] Indivisible = [(10, 4), (20, 8), (9, 2), (6, 12)];

    [Fact]
    public void WidthNotDivisibleByHeadsIsRefused()
    {
        // A divisible width must build; the starter stops here as "not implemented".
        Submission.Create(Models.Attention, Config(12, 4), seed: 1);
        foreach (var (d, n) in Indivisible)
        {
            var thrown = Construct(d, n);
            if (thrown is null)
                throw new StudentFeedback(
                    $"{Models.Attention} accepted width d = {d} with n = {n} heads, although {d} / {n} is not a whole number of features per head. " +
                    "The constructor must throw an ArgumentException that names the width and the number of heads, instead of silently using a truncated head size.");
            var type = thrown.ExceptionTypes.Count > 0 ? thrown.ExceptionTypes[0][(thrown.ExceptionTypes[0].LastIndexOf('.') + 1)..] : "an exception";
            if (!thrown.ExceptionTypes.Contains(typeof(ArgumentException).FullName!))
                throw new StudentFeedback(
                    $"For width d = {d} with n = {n} heads your constructor threw {type} (\"{thrown.Message}\"); " +
                    "it must throw an ArgumentException, before building any layer, whose message names the width and the number of heads.");
            if (!Names(thrown.Message, d) || !Names(thrown.Message, n))
                throw new StudentFeedback(
                    $"For width d = {d} with n = {n} heads your ArgumentException says \"{thrown.Message}\". " +
                    $"Name both numbers ({d} and {n}) so that whoever configured the model sees what to change.");
        }
    }

    private static bool Names(string message, int number) => Regex.IsMatch(message, $@"(?<!\d){number}(?!\d)");

    /// <summary>What the submission's constructor threw (null: nothing); "not implemented" and a missing class pass through to the rubric.</summary>
    private static StudentFault? Construct(int d, int n)
    {
        try
        {
            Submission.Create(Models.Attention, Config(d, n), seed: 1);
            return null;
        }
        catch (StudentCodeFailed e) when (e.Fault is { Kind: FaultKind.Threw } fault)
        {
            return fault;
        }
    }
}

using System.Text.Json;
using Xunit;

namespace GradingHost.Tests;

/// <summary>results.json as Gradescope reads it: https://gradescope-autograders.readthedocs.io/en/latest/specs/</summary>
[Collection(AttentionVerificationCollection.Name)]
public sealed class GradescopeFormatTests(AttentionVerification verification)
{
    private static readonly string[] Visibilities = ["hidden", "after_due_date", "after_published", "visible"];

    [Theory]
    [InlineData("reference")]
    [InlineData("starter")]
    [InlineData("no-scale")]
    public void ResultsJsonFollowsTheGradescopeSpec(string variant)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(verification.OutputOf(variant, "results.json")));
        var root = document.RootElement;
        Assert.Equal(JsonValueKind.Number, root.GetProperty("score").ValueKind);
        Assert.Equal(JsonValueKind.Number, root.GetProperty("execution_time").ValueKind);
        Assert.Equal(JsonValueKind.String, root.GetProperty("output").ValueKind);
        var tests = root.GetProperty("tests").EnumerateArray().ToList();
        Assert.Equal(verification.Manifest.Items.Count, tests.Count);
        foreach (var test in tests)
        {
            Assert.False(string.IsNullOrWhiteSpace(test.GetProperty("name").GetString()));
            Assert.Equal(JsonValueKind.String, test.GetProperty("number").ValueKind);
            Assert.InRange(test.GetProperty("score").GetDouble(), 0, test.GetProperty("max_score").GetDouble());
            Assert.Equal(JsonValueKind.String, test.GetProperty("output").ValueKind);
            Assert.Contains(test.GetProperty("visibility").GetString(), Visibilities);
        }
        Assert.Equal(tests.Sum(t => t.GetProperty("score").GetDouble()), root.GetProperty("score").GetDouble(), 2);
        Assert.Equal(verification.Manifest.TotalPoints, tests.Sum(t => t.GetProperty("max_score").GetDouble()), 6);
    }

    [Fact]
    public void EveryManifestCheckExistsInTheGrader()
    {
        var xml = File.ReadAllText(verification.OutputOf("reference", Path.Combine(".work", "checks.xml")));
        foreach (var check in verification.Manifest.Items.SelectMany(i => i.Checks))
        {
            var (type, method) = (check[..check.IndexOf('.')], check[(check.IndexOf('.') + 1)..]);
            Assert.Contains($"method=\"{method}\"", xml);
            Assert.Contains($".{type}\"", xml);
        }
    }
}

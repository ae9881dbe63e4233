using System.Text.Json;
using GradingHost.Pipeline;
using Xunit;

namespace GradingHost.Tests;

/// <summary>results.json as Gradescope reads it: https://gradescope-autograders.readthedocs.io/en/latest/specs/</summary>
[Collection(VerifiedAssignmentsCollection.Name)]
public sealed class GradescopeFormatTests(VerifiedAssignments verified)
{
    private static readonly string[] Visibilities = ["hidden", "after_due_date", "after_published", "visible"];

    public static TheoryData<string, string> Variants()
    {
        var data = new TheoryData<string, string>();
        foreach (var id in RepositoryLayout.Discover().AssignmentIds)
        {
            data.Add(id, "reference");
            data.Add(id, "starter");
        }
        data.Add("attention", "no-scale");
        return data;
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void ResultsJsonFollowsTheGradescopeSpec(string assignment, string variant)
    {
        var manifest = verified.Manifests[assignment];
        using var document = JsonDocument.Parse(File.ReadAllText(verified.OutputOf(assignment, variant, "results.json")));
        var root = document.RootElement;
        Assert.Equal(JsonValueKind.Number, root.GetProperty("score").ValueKind);
        // No timing: it would show whether a training was reused.
        Assert.False(root.TryGetProperty("execution_time", out _));
        Assert.Equal(JsonValueKind.String, root.GetProperty("output").ValueKind);
        var tests = root.GetProperty("tests").EnumerateArray().ToList();
        Assert.Equal(manifest.Items.Count, tests.Count);
        foreach (var test in tests)
        {
            Assert.False(string.IsNullOrWhiteSpace(test.GetProperty("name").GetString()));
            Assert.Equal(JsonValueKind.String, test.GetProperty("number").ValueKind);
            Assert.InRange(test.GetProperty("score").GetDouble(), 0, test.GetProperty("max_score").GetDouble());
            Assert.Equal(JsonValueKind.String, test.GetProperty("output").ValueKind);
            Assert.Contains(test.GetProperty("visibility").GetString(), Visibilities);
        }
        Assert.Equal(tests.Sum(t => t.GetProperty("score").GetDouble()), root.GetProperty("score").GetDouble(), 2);
        // Extra-credit items are tests too; Gradescope's own total (set by the instructor) is TotalPoints.
        Assert.Equal(manifest.TotalPoints + manifest.ExtraCreditPoints, tests.Sum(t => t.GetProperty("max_score").GetDouble()), 6);
    }

    [Theory]
    [MemberData(nameof(VerifiedAssignments.Ids), MemberType = typeof(VerifiedAssignments))]
    public void EveryManifestCheckExistsInTheGrader(string assignment)
    {
        var xml = File.ReadAllText(verified.OutputOf(assignment, "reference", Path.Combine(".work", "checks.xml")));
        foreach (var check in verified.Manifests[assignment].Items.SelectMany(i => i.Checks))
        {
            var (type, method) = (check[..check.IndexOf('.')], check[(check.IndexOf('.') + 1)..]);
            Assert.Contains($"method=\"{method}\"", xml);
            Assert.Contains($".{type}\"", xml);
        }
    }
}

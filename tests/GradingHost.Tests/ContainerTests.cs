using GradingHost.Pipeline;
using k8s;
using k8s.Models;
using Microsoft.Extensions.FileSystemGlobbing;
using Xunit;

namespace GradingHost.Tests;

/// <summary>
/// What can be checked of the container route without a Docker daemon or a cluster: the image's build context
/// holds what the Dockerfile's build needs and nothing of this machine's, and the Kubernetes Jobs are valid
/// API objects that grade the class in shards and then write the gradebook.
/// </summary>
public sealed class ContainerTests
{
    private static readonly RepositoryLayout Layout = RepositoryLayout.Discover();

    [Fact]
    public void TheBuildContextHoldsTheSolutionAndNoneOfThisMachinesOutputs()
    {
        var context = BuildContext();

        foreach (var script in new[] { "grader/scripts/build.sh", "grader/scripts/setup-native.sh", "grader/scripts/setup-sandbox.sh", "gradinghost", "GradingHost.sln", "Directory.Build.props", "Directory.Packages.props" })
            Assert.Contains(script, context);
        var projects = File.ReadLines(Path.Combine(Layout.Root, "GradingHost.sln"))
            .Where(l => l.StartsWith("Project(", StringComparison.Ordinal))
            .Select(l => l.Split('"')[5].Replace('\\', '/'))
            .Where(p => p.EndsWith(".csproj", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(projects);
        Assert.All(projects, p => Assert.Contains(p, context));
        foreach (var id in Layout.AssignmentIds)
            Assert.Contains(context, f => f.StartsWith($"reference/{id}/", StringComparison.Ordinal) && f.EndsWith(".cs", StringComparison.Ordinal));
        Assert.DoesNotContain(context, f => f.StartsWith(".git/", StringComparison.Ordinal) || f.StartsWith("artifacts/", StringComparison.Ordinal)
                                            || f.StartsWith("out/", StringComparison.Ordinal) || f.StartsWith(".cache/", StringComparison.Ordinal)
                                            || f.Contains("/bin/", StringComparison.Ordinal) || f.Contains("/obj/", StringComparison.Ordinal));

        var dockerfile = File.ReadAllLines(Path.Combine(Layout.Root, "Dockerfile"));
        Assert.Contains(dockerfile, l => l.StartsWith("FROM mcr.microsoft.com/dotnet/sdk:10.0-noble", StringComparison.Ordinal));
        Assert.Contains(dockerfile, l => l.Contains("./grader/scripts/build.sh", StringComparison.Ordinal));
        var assignments = dockerfile.Single(l => l.StartsWith("ARG ASSIGNMENTS=", StringComparison.Ordinal)).Split('"')[1].Split(' ');
        Assert.Equal(Layout.AssignmentIds.Order(), assignments.Order());
    }

    [Fact]
    public void TheKubernetesJobsAreValidAndShardTheClass()
    {
        var folder = Path.Combine(Layout.Root, "deploy", "kubernetes");
        var grading = KubernetesYaml.Deserialize<V1Job>(File.ReadAllText(Path.Combine(folder, "grade-class.yaml")), strict: true);
        var gradebook = KubernetesYaml.Deserialize<V1Job>(File.ReadAllText(Path.Combine(folder, "gradebook.yaml")), strict: true);

        foreach (var job in new[] { grading, gradebook })
        {
            Assert.Equal("batch/v1", job.ApiVersion);
            Assert.Equal("Job", job.Kind);
            var pod = job.Spec.Template.Spec;
            Assert.Equal("Never", pod.RestartPolicy);
            var container = Assert.Single(pod.Containers);
            Assert.True(container.SecurityContext.Privileged);
            // The student's code meets the sandbox's memory limit, with its message, before the pod meets its own.
            var words = container.Args.SelectMany(a => a.Replace("\"", "").Split(' ')).ToList();
            var limitMegabytes = container.Resources.Limits["memory"].ToInt64() >> 20;
            Assert.True(int.Parse(Argument(words, "--memory"), System.Globalization.CultureInfo.InvariantCulture) + 1024 <= limitMegabytes);
            var mounts = container.VolumeMounts.ToDictionary(m => m.Name);
            Assert.True(mounts["class"].ReadOnlyProperty);
            Assert.Equal(mounts.Keys.Order(), pod.Volumes.Select(v => v.Name).Order());
        }

        Assert.Equal("Indexed", grading.Spec.CompletionMode);
        var command = string.Join(' ', grading.Spec.Template.Spec.Containers[0].Args);
        Assert.Contains($"--shard \"$JOB_COMPLETION_INDEX/{grading.Spec.Completions}\"", command);
        Assert.Contains("--jobs 1", command);
        var arguments = gradebook.Spec.Template.Spec.Containers[0].Args;
        Assert.Equal("grade-all", arguments[0]);
        Assert.DoesNotContain("--shard", arguments);
        Assert.Equal(Argument(command.Split(' '), "--assignment"), Argument(arguments, "--assignment"));
        Assert.Equal(Argument(command.Split(' '), "--out"), Argument(arguments, "--out"));
        Assert.Contains(Argument(arguments, "--assignment"), Layout.AssignmentIds);
    }

    private static string Argument(IList<string> arguments, string name) => arguments[arguments.IndexOf(name) + 1];

    /// <summary>The files `docker build .` sends, as .dockerignore's patterns leave them (its ** and * are globs' own).</summary>
    private static HashSet<string> BuildContext()
    {
        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddInclude("**/*");
        foreach (var line in File.ReadLines(Path.Combine(Layout.Root, ".dockerignore")).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            matcher.AddExclude(line);
            matcher.AddExclude(line + "/**");
        }
        return matcher.GetResultsInFullPath(Layout.Root).Select(p => Path.GetRelativePath(Layout.Root, p).Replace('\\', '/')).ToHashSet();
    }
}

using System.Xml.Linq;
using Microsoft.Extensions.FileSystemGlobbing;

namespace GradingHost.Distribution;

/// <summary>
/// The files a set of projects needs to build, found the way MSBuild would: each project's own folder
/// (outside bin/ and obj/), every project it references, and every file it includes from elsewhere
/// (Compile, None and Content items, wildcards expanded). Release and package both copy exactly this,
/// so a new assignment's projects ship without a list to keep up to date.
/// </summary>
public static class ProjectClosure
{
    /// <returns>paths relative to <paramref name="root"/>, sorted</returns>
    public static IReadOnlyList<string> Files(string root, IEnumerable<string> projects)
    {
        var files = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Queue<string>(projects.Select(p => Path.GetFullPath(Path.Combine(root, p))));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (pending.TryDequeue(out var project))
        {
            if (!seen.Add(project))
                continue;
            if (!File.Exists(project))
                throw new FileNotFoundException($"The project {Path.GetRelativePath(root, project)} does not exist.");
            var folder = Path.GetDirectoryName(project)!;
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                         .Where(f => !Path.GetRelativePath(folder, f).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj")))
                files.Add(Relative(root, file));
            foreach (var item in XDocument.Load(project).Descendants().Where(e => e.Attribute("Include") is not null))
            {
                var include = item.Attribute("Include")!.Value.Replace('\\', '/');
                switch (item.Name.LocalName)
                {
                    case "ProjectReference":
                        pending.Enqueue(Path.GetFullPath(Path.Combine(folder, include)));
                        break;
                    case "Compile" or "None" or "Content":
                        var matcher = new Matcher();
                        matcher.AddInclude(include);
                        foreach (var file in matcher.GetResultsInFullPath(folder))
                            files.Add(Relative(root, file));
                        break;
                }
            }
        }
        return files.ToList();
    }

    private static string Relative(string root, string path)
    {
        var relative = Path.GetRelativePath(root, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative)
            ? throw new InvalidOperationException($"{path} lies outside the repository.")
            : relative;
    }
}

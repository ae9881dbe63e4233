using System.Text;
using GradingHost.Pipeline;
using YamlDotNet.RepresentationModel;

namespace GradingHost.Batch;

/// <summary>
/// The submissions in a class folder: either a plain folder with one directory or .zip per student
/// (named after the student), or Gradescope's "Export Submissions" layout, whose
/// submission_metadata.yml names the submitters of each submission_&lt;id&gt; folder.
/// </summary>
public static class ClassRoster
{
    public const string GradescopeMetadata = "submission_metadata.yml";

    public static IReadOnlyList<ClassSubmission> Discover(string classFolder)
    {
        if (!Directory.Exists(classFolder))
            throw new UserError($"The class folder '{classFolder}' does not exist.");
        var metadata = Path.Combine(classFolder, GradescopeMetadata);
        var entries = File.Exists(metadata) ? FromGradescope(classFolder, metadata) : FromFolder(classFolder);
        if (entries.Count == 0)
            throw new UserError($"The class folder '{classFolder}' holds no submissions: expected one folder or .zip per student, or Gradescope's export with its {GradescopeMetadata}.");
        return Unique(entries);
    }

    private static List<ClassSubmission> FromFolder(string classFolder) =>
        Directory.EnumerateFileSystemEntries(classFolder)
            .Where(p => Directory.Exists(p) || p.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
            .Where(p => !System.IO.Path.GetFileName(p).StartsWith('.'))
            .Order(StringComparer.Ordinal)
            .Select(p =>
            {
                var name = Directory.Exists(p) ? System.IO.Path.GetFileName(p) : System.IO.Path.GetFileNameWithoutExtension(p);
                return new ClassSubmission(SafeFolder(name), name, p);
            })
            .ToList();

    /// <summary>
    /// Gradescope writes Ruby-style keys (":submitters:", ":name:"). A submission folder missing from the
    /// metadata is still graded, under its folder name.
    /// </summary>
    private static List<ClassSubmission> FromGradescope(string classFolder, string metadataPath)
    {
        var stream = new YamlStream();
        try
        {
            using var reader = new StreamReader(metadataPath, Encoding.UTF8);
            stream.Load(reader);
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new UserError($"{GradescopeMetadata} could not be read ({e.Message}); export the submissions from Gradescope again, or pass a plain folder.");
        }
        var named = new Dictionary<string, (string Names, string Ids, string Emails)>(StringComparer.Ordinal);
        if (stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode root)
        {
            foreach (var (key, value) in root.Children)
            {
                if (key is not YamlScalarNode { Value: { } folder } || value is not YamlMappingNode submission)
                    continue;
                var submitters = Child(submission, "submitters") as YamlSequenceNode;
                var people = submitters?.Children.OfType<YamlMappingNode>().ToList() ?? [];
                string Field(string name) => string.Join("; ", people.Select(p => (Child(p, name) as YamlScalarNode)?.Value ?? "").Where(v => v.Length > 0));
                named[folder] = (Field("name"), Field("sid"), Field("email"));
            }
        }
        return Directory.EnumerateDirectories(classFolder)
            .Where(d => !System.IO.Path.GetFileName(d).StartsWith('.'))
            .Order(StringComparer.Ordinal)
            .Select(d =>
            {
                var folder = System.IO.Path.GetFileName(d);
                var (names, ids, emails) = named.GetValueOrDefault(folder, ("", "", ""));
                var student = names.Length > 0 ? names : folder;
                return new ClassSubmission(SafeFolder(ids.Length > 0 ? $"{student}-{ids}" : student), student, d, ids, emails);
            })
            .ToList();
    }

    private static YamlNode? Child(YamlMappingNode node, string name) =>
        node.Children.FirstOrDefault(c => c.Key is YamlScalarNode { Value: { } key } && key.TrimStart(':') == name).Value;

    /// <summary>Student names come from folder and file names anyone could choose: only a plain, visible name is used as a path.</summary>
    public static string SafeFolder(string name)
    {
        var safe = new string(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').ToArray()).TrimStart('.');
        return safe.Length == 0 ? "student" : safe.Length > 80 ? safe[..80] : safe;
    }

    private static List<ClassSubmission> Unique(List<ClassSubmission> entries)
    {
        // The class's own files sit beside the students' folders: a student named like one gets another folder.
        var taken = new HashSet<string>([BatchGrading.GradebookFile, BatchGrading.SummaryFile], StringComparer.OrdinalIgnoreCase);
        return entries.Select(e =>
        {
            var folder = e.Folder;
            for (var n = 2; !taken.Add(folder); n++)
                folder = $"{e.Folder}-{n}";
            return e with { Folder = folder };
        }).ToList();
    }
}

using System.Diagnostics;

namespace GradingHost.Distribution;

/// <summary>
/// What git says of the repository a release is built from: from the starter projects only committed files
/// go to students, so an instructor's own solution typed into starter/ never ships.
/// </summary>
public sealed class GitCheckout
{
    private readonly string _root;

    private GitCheckout(string root, HashSet<string> tracked) => (_root, Tracked) = (root, tracked);

    /// <summary>The files git tracks, relative to the root, with '/'.</summary>
    public HashSet<string> Tracked { get; }

    /// <summary>The checkout at <paramref name="root"/>, or null where it is not one (an unpacked package) or git is missing.</summary>
    public static GitCheckout? Open(string root)
    {
        if (!Directory.Exists(Path.Combine(root, ".git")) && !File.Exists(Path.Combine(root, ".git")))
            return null;
        var listed = Git(root, ["ls-files", "-z"]);
        return listed is null ? null : new GitCheckout(root, listed.Split('\0', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>Those of <paramref name="paths"/> whose working copy differs from the last commit.</summary>
    public IReadOnlyList<string> Changed(IEnumerable<string> paths) =>
        (Git(_root, ["status", "--porcelain", "-z", "--", .. paths]) ?? "")
            .Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Where(line => line.Length > 3)
            .Select(line => line[3..])
            .ToList();

    private static string? Git(string root, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo("git", ["-C", root, .. arguments]) { RedirectStandardOutput = true, RedirectStandardError = true };
        try
        {
            using var process = Process.Start(start)!;
            var errors = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            _ = errors.Result;
            return process.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}

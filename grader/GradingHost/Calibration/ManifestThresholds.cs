using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using GradingHost.Checks.Manifest;
using GradingHost.Pipeline;

namespace GradingHost.Calibration;

/// <summary>
/// Writes one profile's <see cref="Checks.Manifest.Calibration"/> into assignment.yaml under
/// <c>thresholds:</c>, leaving every other line as it was and keeping the instructors' comments, those inside
/// the replaced entry included. By hand,
/// line by line: YamlDotNet cannot write a document back with its comments. Only the block layout this
/// writes is edited (a <c>thresholds:</c> key at the margin, profiles two spaces in); anything else is
/// refused with a message rather than guessed at. The result is read back with the manifest's own
/// deserializer and must hold the figures written and everything else unchanged, or nothing is written.
/// </summary>
public static partial class ManifestThresholds
{
    public static void Write(string manifestPath, string profile, Checks.Manifest.Calibration calibration)
    {
        var original = File.ReadAllText(manifestPath);
        var newline = original.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var lines = original.Split(newline).ToList();
        if (lines.Count > 0 && lines[^1].Length == 0)
            lines.RemoveAt(lines.Count - 1);
        var before = Parse(original, manifestPath);
        var block = Block(profile, calibration);

        var section = lines.FindIndex(l => SectionKey().IsMatch(l));
        if (lines.FindIndex(section + 1, l => SectionKey().IsMatch(l)) >= 0 || (section < 0 && lines.Any(l => l.StartsWith("thresholds:", StringComparison.Ordinal))))
            throw new UserError($"{manifestPath}: `thresholds:` is not written as one block mapping (`thresholds:` on a line of its own, each profile two spaces in); write the bar by hand or in that form.");
        if (section < 0)
        {
            if (lines.Count > 0 && lines[^1].Trim().Length > 0)
                lines.Add("");
            lines.Add("thresholds:");
            lines.AddRange(block);
        }
        else
        {
            var end = EndOfBlock(lines, section, indent: 0);
            var entry = lines.FindIndex(section + 1, end - section - 1, l => ProfileKey(l) == profile);
            if (entry < 0)
                lines.InsertRange(LastContentLine(lines, section, end) + 1, block);
            else
            {
                var entryEnd = LastContentLine(lines, entry, EndOfBlock(lines, entry, indent: 2)) + 1;
                // An instructor's comment inside the old entry is kept, above the new one.
                var comments = lines.GetRange(entry, entryEnd - entry).Where(l => l.TrimStart().StartsWith('#')).ToList();
                lines.RemoveRange(entry, entryEnd - entry);
                lines.InsertRange(entry, [.. comments, .. block]);
            }
        }

        var text = string.Join(newline, lines) + newline;
        var after = Parse(text, manifestPath);
        var written = after.Thresholds.GetValueOrDefault(profile);
        var othersKept = before.Thresholds.Where(t => t.Key != profile)
            .All(t => after.Thresholds.TryGetValue(t.Key, out var kept) && kept.DevPerplexity == t.Value.DevPerplexity);
        if (written is null || written.DevPerplexity != calibration.DevPerplexity || written.AtGradingSeed != calibration.AtGradingSeed
            || written.Margin != calibration.Margin || !othersKept || after.Thresholds.Count != before.Thresholds.Count + (before.Thresholds.ContainsKey(profile) ? 0 : 1)
            || !after.Profiles.SequenceEqual(before.Profiles) || !after.Items.Select(i => i.Id).SequenceEqual(before.Items.Select(i => i.Id)))
            throw new UserError($"Writing the {profile} bar into {manifestPath} would not read back as written; the file was left unchanged. Write it by hand: {string.Join(" ", block.Select(l => l.Trim()))}");
        var temporary = manifestPath + ".calibrating";
        File.WriteAllText(temporary, text, new UTF8Encoding(original.StartsWith('\uFEFF')));
        File.Move(temporary, manifestPath, overwrite: true);
    }

    private static AssignmentManifest Parse(string text, string path)
    {
        try
        {
            return AssignmentManifest.Parse(text) ?? throw new UserError($"{path} is empty.");
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new UserError($"{path} is not a manifest this version reads ({e.Message}); the file was left unchanged.");
        }
    }

    private static List<string> Block(string profile, Checks.Manifest.Calibration c)
    {
        string N(double value) => value.ToString("0.0#####", CultureInfo.InvariantCulture);
        var seeds = string.Join(", ", c.Seeds.OrderBy(s => s.Key).Select(s => $"{s.Key}: {N(s.Value)}"));
        return
        [
            $"  {profile}:",
            $"    dev_perplexity: {N(c.DevPerplexity)}",
            $"    margin: {N(c.Margin)}",
            $"    at_grading_seed: {N(c.AtGradingSeed)}",
            $"    seeds: {{{seeds}}}",
            $"    measured: \"{c.Measured.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"",
        ];
    }

    /// <summary>`thresholds:` at the margin, perhaps with a comment after it.</summary>
    [GeneratedRegex(@"^thresholds:\s*(#.*)?$")]
    private static partial Regex SectionKey();

    /// <summary>The profile a line two spaces in names as a key (`  cpu:`, perhaps with a comment), or null.</summary>
    private static string? ProfileKey(string line)
    {
        var match = ProfileLine().Match(line);
        return match.Success ? match.Groups[1].Value : null;
    }

    [GeneratedRegex(@"^  ([A-Za-z0-9_-]+):\s*(#.*)?$")]
    private static partial Regex ProfileLine();

    /// <summary>The first line after <paramref name="start"/> that begins a key at <paramref name="indent"/> or less (comments and blank lines belong to no block).</summary>
    private static int EndOfBlock(List<string> lines, int start, int indent)
    {
        for (var i = start + 1; i < lines.Count; i++)
        {
            var trimmed = lines[i].TrimStart();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
                continue;
            if (lines[i].Length - trimmed.Length <= indent)
                return i;
        }
        return lines.Count;
    }

    /// <summary>The last line of the block that is neither blank nor a comment: what follows it belongs to the next block.</summary>
    private static int LastContentLine(List<string> lines, int start, int end)
    {
        var last = start;
        for (var i = start + 1; i < end; i++)
        {
            var trimmed = lines[i].TrimStart();
            if (trimmed.Length > 0 && !trimmed.StartsWith('#'))
                last = i;
        }
        return last;
    }
}

using System.Globalization;
using System.Text;
using GradingHost.Checks.Manifest;

namespace GradingHost.Calibration;

/// <summary>
/// Writes one profile's <see cref="Checks.Manifest.Calibration"/> into assignment.yaml under
/// <c>thresholds:</c>, leaving every other line (the instructors' comments included) as it was. By hand,
/// line by line: YamlDotNet cannot write a document back with its comments. The result is read back with
/// the manifest's own deserializer and must give the figures written, or nothing is written.
/// </summary>
public static class ManifestThresholds
{
    public static void Write(string manifestPath, string profile, Checks.Manifest.Calibration calibration)
    {
        var lines = File.ReadAllLines(manifestPath).ToList();
        var block = Block(profile, calibration);
        var section = lines.FindIndex(l => l.TrimEnd() == "thresholds:");
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
            var entry = lines.FindIndex(section + 1, end - section - 1, l => l.TrimEnd() == $"  {profile}:");
            if (entry < 0)
                lines.InsertRange(LastContentLine(lines, section, end) + 1, block);
            else
            {
                var entryEnd = LastContentLine(lines, entry, EndOfBlock(lines, entry, indent: 2)) + 1;
                lines.RemoveRange(entry, entryEnd - entry);
                lines.InsertRange(entry, block);
            }
        }
        var text = string.Join("\n", lines) + "\n";
        var readBack = AssignmentManifest.Parse(text)?.Thresholds.GetValueOrDefault(profile);
        if (readBack is null || readBack.DevPerplexity != calibration.DevPerplexity || readBack.AtGradingSeed != calibration.AtGradingSeed)
            throw new InvalidDataException($"Writing the {profile} bar into {manifestPath} would not read back as written; the file was left unchanged.");
        File.WriteAllText(manifestPath, text);
    }

    private static List<string> Block(string profile, Checks.Manifest.Calibration c)
    {
        string N(double value) => value.ToString("0.0##", CultureInfo.InvariantCulture);
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

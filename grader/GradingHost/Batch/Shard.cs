namespace GradingHost.Batch;

/// <summary>
/// One of <see cref="Count"/> machines grading a class together (a Kubernetes indexed Job's
/// JOB_COMPLETION_INDEX): it grades the students at roster positions ≡ <see cref="Index"/> (mod Count).
/// </summary>
public sealed record Shard(int Index, int Count)
{
    /// <summary>"3/20" → index 3 of 20; null with the reason when the text is not that.</summary>
    public static Shard? Parse(string text, out string? problem)
    {
        var parts = text.Split('/');
        problem = null;
        if (parts.Length == 2 && int.TryParse(parts[0], out var index) && int.TryParse(parts[1], out var count) && count >= 1 && index >= 0 && index < count)
            return new Shard(index, count);
        problem = $"--shard takes INDEX/COUNT with 0 ≤ INDEX < COUNT, e.g. 3/20 (got '{text}').";
        return null;
    }

    public bool Holds(int position) => position % Count == Index;
}

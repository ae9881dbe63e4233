using System.Text;

namespace Course.Kit;

/// <summary>
/// Character-level tokenisation: one id per distinct character of the training text, id 0 for any
/// character the training text never shows. The cpu profile uses it because a 2-core machine can
/// train a useful model over ~100 ids in seconds, where GPT-2's 50,257 ids would take minutes.
/// </summary>
public sealed class CharVocabulary
{
    public const int UnknownId = 0;

    private readonly Dictionary<char, long> _ids;
    private readonly char[] _chars;

    private CharVocabulary(char[] chars)
    {
        _chars = chars;
        _ids = chars.Select((c, i) => (c, id: (long)i + 1)).ToDictionary(p => p.c, p => p.id);
    }

    public static CharVocabulary FromText(string text) =>
        new(text.Distinct().Order().ToArray());

    public int Size => _chars.Length + 1;

    public long[] Encode(string text)
    {
        var ids = new long[text.Length];
        for (var i = 0; i < text.Length; i++)
            ids[i] = _ids.GetValueOrDefault(text[i], UnknownId);
        return ids;
    }

    public string Decode(IEnumerable<long> ids)
    {
        var sb = new StringBuilder();
        foreach (var id in ids)
            sb.Append(id > 0 && id <= _chars.Length ? _chars[id - 1] : '\uFFFD');
        return sb.ToString();
    }
}

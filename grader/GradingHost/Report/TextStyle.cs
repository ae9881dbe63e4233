using System.Globalization;
using SkiaSharp;

namespace GradingHost.Report;

/// <summary>A typeface, size and colour, with the measuring that line wrapping needs.</summary>
internal sealed class TextStyle(SKTypeface typeface, float size, SKColor color, float lineSpacing = 1.35f) : IDisposable
{
    private readonly SKFont _font = new(typeface, size) { LinearMetrics = true };
    private readonly SKPaint _paint = new() { Color = color, IsAntialias = true };

    public float LineHeight => size * lineSpacing;

    public float Width(string text) => _font.MeasureText(text);

    /// <summary>Draws one line whose line box starts at <paramref name="top"/>, the glyphs centred in it vertically.</summary>
    public void Draw(SKCanvas canvas, string text, float x, float top, SKTextAlign align = SKTextAlign.Left)
    {
        var metrics = _font.Metrics;
        var glyphHeight = metrics.Descent - metrics.Ascent;
        canvas.DrawText(text, x, top + (LineHeight - glyphHeight) / 2 - metrics.Ascent, align, _font, _paint);
    }

    /// <summary>
    /// Greedy word wrap to <paramref name="width"/>. Line breaks in the text are kept, so is the
    /// indentation of each line (messages quote code and compiler output); a word wider than a line
    /// is cut between characters rather than left to run off the page.
    /// </summary>
    public IReadOnlyList<string> Wrap(string text, float width)
    {
        var lines = new List<string>();
        foreach (var hardLine in text.TrimEnd().Replace("\r\n", "\n").Replace('\r', '\n').Replace("\t", "    ").Split('\n'))
        {
            var body = hardLine.TrimStart(' ');
            var indent = hardLine[..(hardLine.Length - body.Length)];
            if (Width(indent) > width / 2)
                indent = "";
            var current = "";
            foreach (var word in body.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = current.Length == 0 ? indent + word : $"{current} {word}";
                if (Width(candidate) <= width)
                {
                    current = candidate;
                    continue;
                }
                if (current.Length > 0)
                    lines.Add(current);
                var rest = word;
                while (Width(indent + rest) > width)
                {
                    var fits = FittingPrefix(indent, rest, width);
                    lines.Add(indent + rest[..fits]);
                    rest = rest[fits..];
                }
                current = rest.Length > 0 ? indent + rest : "";
            }
            lines.Add(current);
        }
        return lines;
    }

    /// <summary>How many chars of <paramref name="word"/> fit after the indent, never splitting a character and never zero.</summary>
    private int FittingPrefix(string indent, string word, float width)
    {
        var fits = 0;
        var elements = StringInfo.ParseCombiningCharacters(word);
        foreach (var start in elements.Skip(1).Append(word.Length))
        {
            if (fits > 0 && Width(indent + word[..start]) > width)
                break;
            fits = start;
        }
        return fits;
    }

    public void Dispose()
    {
        _font.Dispose();
        _paint.Dispose();
    }
}

using SkiaSharp;

namespace GradingHost.Report;

/// <summary>
/// Lays blocks out top to bottom on A4 pages, starting a new page when a block does not fit.
/// Drawing is recorded and replayed by <see cref="WriteTo"/>, so every page's footer can already
/// know how many pages there are.
/// </summary>
internal sealed class PageFlow
{
    /// <summary>A4 in PDF points.</summary>
    public const float PageWidth = 595.28f, PageHeight = 841.89f;
    public const float Margin = 50;
    public const float Left = Margin, Right = PageWidth - Margin, ContentWidth = Right - Left;
    private const float ContentBottom = PageHeight - Margin;

    private readonly List<List<Action<SKCanvas>>> _pages = [[]];
    private float _y = Margin;

    private bool AtPageTop => _y <= Margin;

    public bool Fits(float height) => AtPageTop || _y + height <= ContentBottom;

    public void NewPage()
    {
        _pages.Add([]);
        _y = Margin;
    }

    /// <summary>Moves to a new page unless <paramref name="height"/> still fits on this one.</summary>
    public void KeepTogether(float height)
    {
        if (!Fits(height))
            NewPage();
    }

    /// <summary>Reserves <paramref name="height"/> for a block; <paramref name="draw"/> gets the canvas and the block's top.</summary>
    public void Place(float height, Action<SKCanvas, float> draw)
    {
        KeepTogether(height);
        var top = _y;
        _pages[^1].Add(canvas => draw(canvas, top));
        _y += height;
    }

    /// <summary>Vertical space between blocks; none at the top of a page, where it would only push content down.</summary>
    public void Gap(float height)
    {
        if (!AtPageTop)
            _y = Math.Min(_y + height, ContentBottom);
    }

    public void WriteTo(SKDocument document, Action<SKCanvas, int, int> drawFooter)
    {
        for (var page = 0; page < _pages.Count; page++)
        {
            var canvas = document.BeginPage(PageWidth, PageHeight);
            foreach (var draw in _pages[page])
                draw(canvas);
            drawFooter(canvas, page + 1, _pages.Count);
            document.EndPage();
        }
    }
}

namespace GradingHost.Checks;

/// <summary>State that belongs to one grading (see <see cref="GradingBoundary"/>).</summary>
internal interface IForgettable
{
    void Forget();
}

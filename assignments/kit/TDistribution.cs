namespace Course.Kit;

/// <summary>Student's t distribution, for confidence intervals of a mean from few samples.</summary>
public static class TDistribution
{
    /// <summary>The value t with P(T ≤ t) = <paramref name="probability"/> for T ~ t(<paramref name="degreesOfFreedom"/>), e.g. Quantile(0.975, 49) ≈ 2.0096.</summary>
    public static double Quantile(double probability, int degreesOfFreedom) =>
        degreesOfFreedom >= 1
            ? MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, degreesOfFreedom, probability)
            : throw new ArgumentOutOfRangeException(nameof(degreesOfFreedom), degreesOfFreedom, "A t distribution has at least one degree of freedom.");
}

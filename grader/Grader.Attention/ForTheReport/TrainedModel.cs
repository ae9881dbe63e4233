using Course.Kit;
using static TorchSharp.torch;

namespace GradingHost.Checks.Attention;

public sealed record TrainedModel(nn.Module<Tensor, Tensor> Model, TransformerConfig Config);

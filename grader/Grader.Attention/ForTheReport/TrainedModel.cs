using Course.Kit;

namespace GradingHost.Checks.Attention;

public sealed record TrainedModel(ModuleUnderTest Model, TransformerConfig Config);

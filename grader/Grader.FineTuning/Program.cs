using GradingHost.Checks;
using GradingHost.Checks.FineTuning;

// Checks one submission, keeps serving gradings (--resident), or calibrates the LoRA run's bar (--calibrate): ResidentChecker.
return ResidentChecker.Main(args, ReferenceLoRA.Calibration);

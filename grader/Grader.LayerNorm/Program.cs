using GradingHost.Checks;
using GradingHost.Checks.LayerNorm;

// Checks one submission, keeps serving gradings (--resident), or calibrates the reference (--calibrate): ResidentChecker.
return ResidentChecker.Main(args, ReferenceModel.Calibration);

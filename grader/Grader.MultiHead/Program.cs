using GradingHost.Checks;
using GradingHost.Checks.MultiHead;

// Checks one submission, keeps serving gradings (--resident), or calibrates the reference (--calibrate): ResidentChecker.
return ResidentChecker.Main(args, ReferenceModel.Calibration);

using Homework.MultiHead;

return Course.Training.LocalTraining.Run(args, config => new TinyLanguageModel(config), heads: 4);

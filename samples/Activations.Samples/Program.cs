// The Activations sample: the seed page's examples, a custom activation used by name, a small model, and an
// indicative speed table. Run it with: dotnet run --project samples/Activations.Samples -c Release
using Activations.Samples;

System.Console.OutputEncoding = System.Text.Encoding.UTF8;
SeedExamples.Run();
CustomActivationDemo.Run();
ModelDemo.Run();
SpeedTable.Run();

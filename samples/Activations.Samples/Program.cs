System.Console.WriteLine("Activations sample: coming soon.");

using System.Globalization;

namespace BackOffice.Intake.Load;

/// <summary>Command-line options: <c>--clients 16 --seconds 15 --rounds 3 --forms 600 --warmup 30 --no-build</c>
/// (<c>--self-contained</c>: BackOffice published self-contained as one composite image, README's faster-starting option), or
/// <c>--against http://127.0.0.1:5080</c> to load an app already running (for a profiler) with complete requests only, or
/// <c>--memory 1000000</c> for the memory check: that many stored requests, then 60 s of load, then the resident size.</summary>
public sealed record LoadOptions(int Clients, int Seconds, int Rounds, int Forms, int WarmupSeconds, bool NoBuild, Uri? Against = null, int Memory = 0, bool SelfContained = false)
{
    public static LoadOptions Parse(string[] args)
    {
        var options = new LoadOptions(16, 15, 3, 600, 30, false);
        for (var i = 0; i < args.Length; i++)
        {
            int Next() => int.Parse(args[++i], CultureInfo.InvariantCulture);
            options = args[i] switch
            {
                "--clients" => options with { Clients = Next() },
                "--seconds" => options with { Seconds = Next() },
                "--rounds" => options with { Rounds = Next() },
                "--forms" => options with { Forms = Next() },
                "--warmup" => options with { WarmupSeconds = Next() },
                "--no-build" => options with { NoBuild = true },
                "--self-contained" => options with { SelfContained = true },
                "--against" => options with { Against = new Uri(args[++i]) },
                "--memory" => options with { Memory = Next() },
                _ => throw new ArgumentException($"unknown option {args[i]}; see bench/README.md"),
            };
        }

        return options;
    }
}

using System.Globalization;

namespace BackOffice.Intake.Faults;

/// <summary>Command-line options: <c>--scenario kill|smtp|postgres|all --clients 8 --seconds 4 --down 3 --no-build</c>.</summary>
internal sealed record FaultOptions(string[] Scenarios, int Clients, int Seconds, int DownSeconds, bool NoBuild)
{
    public static readonly string[] All = ["kill", "smtp", "postgres"];

    public static FaultOptions Parse(string[] args)
    {
        var options = new FaultOptions(All, 8, 4, 3, false);
        for (var i = 0; i < args.Length; i++)
        {
            int Next() => int.Parse(args[++i], CultureInfo.InvariantCulture);
            options = args[i] switch
            {
                "--scenario" => options with { Scenarios = Scenario(args[++i]) },
                "--clients" => options with { Clients = Next() },
                "--seconds" => options with { Seconds = Next() },
                "--down" => options with { DownSeconds = Next() },
                "--no-build" => options with { NoBuild = true },
                _ => throw new ArgumentException($"unknown option {args[i]}; see bench/README.md"),
            };
        }

        if (options.Clients is < 1 or > 64 || options.Seconds is < 1 or > 60 || options.DownSeconds is < 1 or > 60)
            throw new ArgumentException("--clients 1..64, --seconds 1..60, --down 1..60: the program is bounded in time and count");
        return options;
    }

    private static string[] Scenario(string name) => name switch
    {
        "all" => All,
        "kill" or "smtp" or "postgres" => [name],
        _ => throw new ArgumentException($"--scenario kill|smtp|postgres|all, not {name}"),
    };
}

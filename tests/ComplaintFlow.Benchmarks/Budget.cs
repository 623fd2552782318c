using System.Globalization;

namespace ComplaintFlow.Benchmarks;

/// <summary>One performance budget: a measured figure against its limit, printed in the line format CI greps for.</summary>
public sealed record Budget(string Name, double? Measured, double Limit, bool AtMost)
{
    public bool Passed => Measured is { } m && (AtMost ? m <= Limit : m >= Limit);

    /// <summary>Measured and over the limit. A budget that could not be measured (no server) is skipped, not failed.</summary>
    public bool Failed => Measured is not null && !Passed;

    public string Line => Measured is { } m
        ? string.Create(CultureInfo.InvariantCulture, $"BUDGET {Name} measured={m:0.###} limit={Limit:0.###} {(Passed ? "PASS" : "FAIL")}")
        : string.Create(CultureInfo.InvariantCulture, $"BUDGET {Name} measured=n/a limit={Limit:0.###} SKIPPED");
}

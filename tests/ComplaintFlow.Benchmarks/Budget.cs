using System.Globalization;

namespace ComplaintFlow.Benchmarks;

/// <summary>One performance budget: a measured figure against its limit, printed in the line format CI greps for.</summary>
/// <remarks>
/// A budget that is not <see cref="Enforced"/> is a target the code does not meet yet: it prints its verdict with
/// "(target, not enforced)" so the gap stays visible in every run, and it does not fail the run.
/// </remarks>
public sealed record Budget(string Name, double? Measured, double Limit, bool AtMost, bool Enforced = true)
{
    public bool Passed => Measured is { } m && (AtMost ? m <= Limit : m >= Limit);

    /// <summary>Enforced, measured and over the limit. A budget that could not be measured (no server) is skipped, not failed.</summary>
    public bool Failed => Enforced && Measured is not null && !Passed;

    public string Line => Measured is { } m
        ? string.Create(CultureInfo.InvariantCulture, $"BUDGET {Name} measured={m:0.###} limit={Limit:0.###} {(Passed ? "PASS" : "FAIL")}{(Enforced ? "" : " (target, not enforced)")}")
        : string.Create(CultureInfo.InvariantCulture, $"BUDGET {Name} measured=n/a limit={Limit:0.###} SKIPPED");
}

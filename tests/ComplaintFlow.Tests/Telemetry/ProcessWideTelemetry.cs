namespace ComplaintFlow.Tests.Telemetry;

/// <summary>
/// The meter and activity source are process-wide, so the tests that count their measurements run alone: no other
/// test's commands may land in their totals.
/// </summary>
[CollectionDefinition(nameof(ProcessWideTelemetry), DisableParallelization = true)]
public sealed class ProcessWideTelemetry;

namespace ComplaintFlow.Workers;

/// <summary>A ComplaintFlow hosted worker that reports how it is doing; the health checks read it.</summary>
public interface IComplaintFlowWorker
{
    /// <summary>The worker's current status.</summary>
    WorkerStatus Status { get; }
}

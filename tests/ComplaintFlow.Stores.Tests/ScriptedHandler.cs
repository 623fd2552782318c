using System.Collections.Concurrent;
using ComplaintFlow.Events;

namespace ComplaintFlow.Stores.Tests;

/// <summary>
/// The app's side of the event hook, scripted: records each delivery, fails on demand for chosen cases, and reports
/// when two deliveries for one case overlap (which per-case ordering forbids).
/// </summary>
public sealed class ScriptedHandler : IComplaintEventHandler
{
    private readonly ConcurrentDictionary<ComplaintId, int> _failuresLeft = new();
    private readonly ConcurrentDictionary<ComplaintId, byte> _inFlight = new();

    private int _failNewCases;

    public ConcurrentQueue<ComplaintEvent> Delivered { get; } = new();

    public ConcurrentQueue<string> Violations { get; } = new();

    public TimeSpan DeliveryTime { get; set; }

    /// <summary>When set, the next delivery cancels this source and throws as a handler seeing its token cancelled does.</summary>
    public CancellationTokenSource? CancelOnDelivery { get; set; }

    /// <summary>The message of the failure thrown.</summary>
    public string FailureMessage { get; set; } = "mail server down";

    /// <summary>Makes the next <paramref name="times"/> deliveries for the case throw (<see cref="int.MaxValue"/>: until told otherwise).</summary>
    public void FailFor(ComplaintId caseId, int times) => _failuresLeft[caseId] = times;

    /// <summary>Makes the first <paramref name="times"/> deliveries of any case not seen yet throw, until <see cref="StopFailingAll"/>.</summary>
    public void FailAll(int times) => _failNewCases = times;

    public void StopFailingAll() => _failNewCases = 0;

    public void Heal(ComplaintId caseId) => _failuresLeft.TryRemove(caseId, out _);

    public IEnumerable<long> SequencesOf(ComplaintId caseId) => Delivered.Where(e => e.CaseId == caseId).Select(e => e.Sequence);

    public async ValueTask HandleAsync(ComplaintEvent complaintEvent, ComplaintCase complaint, CancellationToken cancellationToken)
    {
        if (!_inFlight.TryAdd(complaintEvent.CaseId, 0))
        {
            Violations.Enqueue($"case {complaintEvent.CaseId} event {complaintEvent.Sequence} delivered while another of its events was in flight");
        }

        try
        {
            if (DeliveryTime > TimeSpan.Zero)
            {
                await Task.Delay(DeliveryTime, cancellationToken);
            }

            if (CancelOnDelivery is { } cancel)
            {
                await cancel.CancelAsync();
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (_failNewCases > 0)
            {
                _failuresLeft.TryAdd(complaintEvent.CaseId, _failNewCases);
            }

            if (_failuresLeft.TryGetValue(complaintEvent.CaseId, out var left) && left > 0)
            {
                _failuresLeft[complaintEvent.CaseId] = left == int.MaxValue ? left : left - 1;
                throw new InvalidOperationException(FailureMessage);
            }

            Delivered.Enqueue(complaintEvent);
        }
        finally
        {
            _inFlight.TryRemove(complaintEvent.CaseId, out _);
        }
    }
}

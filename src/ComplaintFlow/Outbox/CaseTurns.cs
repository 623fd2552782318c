namespace ComplaintFlow.Outbox;

/// <summary>
/// One turn at a time per case, and only per case: a delivery that waits on a slow handler holds back later deliveries
/// of its own case, never those of another. A case's gate lives only while someone holds or waits for it.
/// </summary>
internal sealed class CaseTurns
{
    private readonly Dictionary<ComplaintId, Gate> _gates = [];

    /// <summary>Waits for the case's turn; dispose the result to pass the turn on.</summary>
    public async ValueTask<Turn> TakeAsync(ComplaintId caseId, CancellationToken cancellationToken)
    {
        Gate gate;
        lock (_gates)
        {
            if (!_gates.TryGetValue(caseId, out gate!))
            {
                _gates[caseId] = gate = new Gate();
            }

            gate.Users++;
        }

        try
        {
            await gate.Semaphore.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Leave(caseId, gate);
            throw;
        }

        return new Turn(this, caseId, gate);
    }

    private void Leave(ComplaintId caseId, Gate gate)
    {
        lock (_gates)
        {
            if (--gate.Users == 0)
            {
                _gates.Remove(caseId);
                gate.Semaphore.Dispose();
            }
        }
    }

    /// <summary>A held turn.</summary>
    public readonly struct Turn : IDisposable
    {
        private readonly CaseTurns _owner;
        private readonly ComplaintId _caseId;
        private readonly Gate _gate;

        internal Turn(CaseTurns owner, ComplaintId caseId, Gate gate) => (_owner, _caseId, _gate) = (owner, caseId, gate);

        public void Dispose()
        {
            _gate.Semaphore.Release();
            _owner.Leave(_caseId, _gate);
        }
    }

    internal sealed class Gate
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        // Guarded by the dictionary's lock: those holding or waiting for the turn.
        public int Users { get; set; }
    }
}

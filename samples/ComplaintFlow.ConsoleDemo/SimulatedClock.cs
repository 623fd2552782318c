namespace ComplaintFlow.ConsoleDemo;

/// <summary>The demo's clock: the real time plus however far the user has wound it on, so deadlines can be watched passing.</summary>
internal sealed class SimulatedClock : TimeProvider
{
    private readonly Lock _gate = new();
    private TimeSpan _offset;

    public TimeSpan Offset
    {
        get
        {
            lock (_gate)
            {
                return _offset;
            }
        }
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return System.GetUtcNow() + _offset;
        }
    }

    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        lock (_gate)
        {
            _offset += by;
        }
    }
}

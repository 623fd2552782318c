namespace ComplaintFlow.Storage.Sql;

/// <summary>Runs a store's schema creation or upgrade once per store instance, however many connections race to it.</summary>
internal sealed class SchemaGate : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _ready;

    public bool IsReady => _ready;

    public async Task EnsureAsync(Func<CancellationToken, Task> ensure, CancellationToken cancellationToken)
    {
        if (_ready)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_ready)
            {
                await ensure(cancellationToken).ConfigureAwait(false);
                _ready = true;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}

using Microsoft.Extensions.Logging;

namespace ComplaintFlow.Testing;

/// <summary>
/// The deadline worker's log, as the test desk runs it: a case whose due clocks could not be recorded (event 1006) is
/// kept, with its exception, so the test fails with it instead of passing on a case the worker only logged. Every
/// entry also goes to the app's own logging, when it has any.
/// </summary>
internal sealed class DeadlineFailures(ILoggerFactory? inner) : ILoggerFactory
{
    private const int DeadlineFailed = 1006;
    private readonly List<Exception> _failures = [];

    public ILogger CreateLogger(string categoryName) => new Logger(this, inner?.CreateLogger(categoryName));

    /// <summary>Takes the failures kept so far.</summary>
    public List<Exception> Take()
    {
        lock (_failures)
        {
            List<Exception> taken = [.. _failures];
            _failures.Clear();
            return taken;
        }
    }

    public void AddProvider(ILoggerProvider provider) => inner?.AddProvider(provider);

    public void Dispose()
    {
        // The app's factory belongs to the app's container.
    }

    private sealed class Logger(DeadlineFailures owner, ILogger? inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner?.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (eventId.Id == DeadlineFailed && exception is not null)
            {
                lock (owner._failures)
                {
                    owner._failures.Add(exception);
                }
            }

            if (inner?.IsEnabled(logLevel) == true)
            {
                inner.Log(logLevel, eventId, state, exception, formatter);
            }
        }
    }
}

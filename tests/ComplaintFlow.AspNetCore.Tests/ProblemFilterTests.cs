using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ComplaintFlow.AspNetCore.Tests;

/// <summary>What the endpoints' error filter logs: a server fault's exception, which its response leaves out.</summary>
public sealed class ProblemFilterTests
{
    [Fact]
    public async Task Invoke_AStoreFailure_LogsTheExceptionUnderTheResponsesTraceId()
    {
        var logs = new Captured();
        using var services = new ServiceCollection().AddLogging(b => b.AddProvider(logs)).BuildServiceProvider();
        var http = new DefaultHttpContext { RequestServices = services, TraceIdentifier = "trace-9" };
        http.Request.Method = "GET";
        http.Request.Path = "/complaints";
        var failure = new ComplaintStoreException("sqlite", "unable to open database file /srv/secret/complaints.db", isTransient: false);

        var result = await new ProblemFilter().InvokeAsync(new DefaultEndpointFilterInvocationContext(http), _ => throw failure);

        result.Should().BeAssignableTo<IStatusCodeHttpResult>().Which.StatusCode.Should().Be(500);
        var entry = logs.Entries.Should().ContainSingle().Subject;
        entry.Level.Should().Be(LogLevel.Error);
        entry.EventId.Should().Be(2001);
        entry.Exception.Should().BeSameAs(failure, "the message the response leaves out is in the log");
        entry.Message.Should().Contain(ComplaintProblems.TraceIdOf(http)).And.Contain("/complaints");
    }

    [Fact]
    public async Task Invoke_AClientError_IsNotLoggedAsAFault()
    {
        var logs = new Captured();
        using var services = new ServiceCollection().AddLogging(b => b.AddProvider(logs)).BuildServiceProvider();
        var http = new DefaultHttpContext { RequestServices = services };

        var result = await new ProblemFilter().InvokeAsync(new DefaultEndpointFilterInvocationContext(http), _ => throw new ComplaintValidationException("summary", "must not be empty."));

        result.Should().BeAssignableTo<IStatusCodeHttpResult>().Which.StatusCode.Should().Be(400);
        logs.Entries.Should().BeEmpty();
    }

    private sealed record Entry(LogLevel Level, int EventId, string Message, Exception? Exception);

    private sealed class Captured : ILoggerProvider, ILogger
    {
        public List<Entry> Entries { get; } = [];

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Entries)
            {
                Entries.Add(new Entry(logLevel, eventId.Id, formatter(state, exception), exception));
            }
        }

        public void Dispose()
        {
        }
    }
}

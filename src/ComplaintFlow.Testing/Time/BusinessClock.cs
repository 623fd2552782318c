using ComplaintFlow.Time;
using Microsoft.Extensions.Time.Testing;

namespace ComplaintFlow.Testing;

/// <summary>
/// Moves a test's fake clock the way complaint deadlines count: in business time on the desk's calendar ("two
/// business days later") or in plain calendar time, then records whatever fell due, as the hosted deadline worker
/// would have.
/// </summary>
public sealed class BusinessClock
{
    private readonly FakeTimeProvider _time;
    private readonly Func<CancellationToken, Task<int>> _recordDue;

    internal BusinessClock(FakeTimeProvider time, BusinessCalendar calendar, Func<CancellationToken, Task<int>> recordDue)
    {
        _time = time;
        Calendar = calendar;
        _recordDue = recordDue;
    }

    /// <summary>The calendar the desk's clocks count on.</summary>
    public BusinessCalendar Calendar { get; }

    /// <summary>Now, on the fake clock.</summary>
    public DateTimeOffset Now => _time.GetUtcNow();

    /// <summary>Moves on <paramref name="days"/> business days, keeping the time of day, and records what fell due.</summary>
    public Task<int> AdvanceBusinessDaysAsync(int days, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        return MoveToAsync(Calendar.AddBusinessDays(Now, days), cancellationToken);
    }

    /// <summary>Moves on <paramref name="businessTime"/> of open hours, and records what fell due.</summary>
    public Task<int> AdvanceBusinessTimeAsync(TimeSpan businessTime, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(businessTime, TimeSpan.Zero);
        return MoveToAsync(Calendar.Add(Now, businessTime), cancellationToken);
    }

    /// <summary>Moves on <paramref name="time"/> of calendar time, and records what fell due.</summary>
    public Task<int> AdvanceAsync(TimeSpan time, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(time, TimeSpan.Zero);
        return MoveToAsync(Now + time, cancellationToken);
    }

    private Task<int> MoveToAsync(DateTimeOffset to, CancellationToken cancellationToken)
    {
        if (to > Now)
        {
            _time.SetUtcNow(to);
        }

        return _recordDue(cancellationToken);
    }
}

using ComplaintFlow.Time;
using Microsoft.Extensions.Time.Testing;

namespace ComplaintFlow.Testing;

/// <summary>
/// Moves a test's fake clock the way complaint deadlines count: in business time on the desk's calendar ("two
/// business days later") or in plain calendar time, stopping at each instant something falls due on the way to record
/// it then, as the hosted deadline worker would have.
/// </summary>
public sealed class BusinessClock
{
    private readonly FakeTimeProvider _time;
    private readonly Func<CancellationToken, Task<int>> _recordDue;
    private readonly Func<CancellationToken, Task<DateTimeOffset?>> _nextDue;

    internal BusinessClock(FakeTimeProvider time, BusinessCalendar calendar, Func<CancellationToken, Task<int>> recordDue, Func<CancellationToken, Task<DateTimeOffset?>> nextDue)
    {
        _time = time;
        Calendar = calendar;
        _recordDue = recordDue;
        _nextDue = nextDue;
    }

    /// <summary>The calendar the desk's clocks count on.</summary>
    public BusinessCalendar Calendar { get; }

    /// <summary>Now, on the fake clock.</summary>
    public DateTimeOffset Now => _time.GetUtcNow();

    /// <summary>Moves on <paramref name="days"/> business days, keeping the time of day, and records what fell due.</summary>
    /// <returns>How many due rows the deadline worker claimed on the way.</returns>
    public Task<int> AdvanceBusinessDaysAsync(int days, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        return MoveToAsync(Calendar.AddBusinessDays(Now, days), cancellationToken);
    }

    /// <summary>Moves on <paramref name="businessTime"/> of open hours, and records what fell due.</summary>
    /// <returns>How many due rows the deadline worker claimed on the way.</returns>
    public Task<int> AdvanceBusinessTimeAsync(TimeSpan businessTime, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(businessTime, TimeSpan.Zero);
        return MoveToAsync(Calendar.Add(Now, businessTime), cancellationToken);
    }

    /// <summary>Moves on <paramref name="time"/> of calendar time, and records what fell due.</summary>
    /// <returns>How many due rows the deadline worker claimed on the way.</returns>
    public Task<int> AdvanceAsync(TimeSpan time, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(time, TimeSpan.Zero);
        return MoveToAsync(Now + time, cancellationToken);
    }

    // Through each instant at which something falls due on the way, in order: a warning or breach is recorded, and
    // escalates, when it happens, as the hosted worker polling all along would have, not all at the end.
    private async Task<int> MoveToAsync(DateTimeOffset to, CancellationToken cancellationToken)
    {
        var claimed = 0;
        while (await _nextDue(cancellationToken).ConfigureAwait(false) is { } due && due <= to)
        {
            var stuck = due <= Now;
            if (!stuck)
            {
                _time.SetUtcNow(due);
            }

            var recorded = await _recordDue(cancellationToken).ConfigureAwait(false);
            claimed += recorded;
            if (stuck && recorded == 0)
            {
                // Due but not claimable at this instant (still leased to the last poll): the final poll at the
                // destination records it.
                break;
            }
        }

        if (to > Now)
        {
            _time.SetUtcNow(to);
        }

        return claimed + await _recordDue(cancellationToken).ConfigureAwait(false);
    }
}

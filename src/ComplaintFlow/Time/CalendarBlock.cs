namespace ComplaintFlow.Time;

/// <summary>
/// The open periods of <see cref="Days"/> consecutive local dates, as UTC ticks in time order, with the open time
/// accumulated before each period. Business-time arithmetic then becomes a binary search instead of a walk over days:
/// the time between two instants is the difference of their accumulated times, and adding time finds the period where
/// the accumulated time is reached. Immutable once built.
/// </summary>
internal sealed class CalendarBlock
{
    /// <summary>Dates per block: about two months, so a deadline of a few weeks is usually one block.</summary>
    public const int Days = 64;

    public CalendarBlock(int index, DateOnly firstDate, long startTicks, long endTicks, long[] starts, long[] ends, int[] firstPeriodOfDay)
    {
        Index = index;
        FirstDate = firstDate;
        StartTicks = startTicks;
        EndTicks = endTicks;
        Starts = starts;
        Ends = ends;
        FirstPeriodOfDay = firstPeriodOfDay;
        Before = new long[starts.Length + 1];
        for (var i = 0; i < starts.Length; i++)
        {
            Before[i + 1] = Before[i] + (ends[i] - starts[i]);
        }
    }

    /// <summary>The block's number: the first date's day number divided by <see cref="Days"/>.</summary>
    public int Index { get; }

    public DateOnly FirstDate { get; }

    /// <summary>Local midnight at the start of <see cref="FirstDate"/>, as UTC ticks.</summary>
    public long StartTicks { get; }

    /// <summary>Local midnight after the block's last date, as UTC ticks.</summary>
    public long EndTicks { get; }

    /// <summary>Each period's opening, in UTC ticks, in time order.</summary>
    public long[] Starts { get; }

    /// <summary>Each period's closing (excluded), in UTC ticks.</summary>
    public long[] Ends { get; }

    /// <summary>Open ticks accumulated before each period; the last entry is the block's total.</summary>
    public long[] Before { get; }

    /// <summary>For each date of the block, the index of its first period; one more entry closes the last date.</summary>
    public int[] FirstPeriodOfDay { get; }

    public long Total => Before[^1];

    /// <summary>The first period that ends after the instant, or the period count when none does.</summary>
    public int FirstEndingAfter(long ticks)
    {
        var ends = Ends;
        int low = 0, high = ends.Length;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (ends[mid] > ticks)
            {
                high = mid;
            }
            else
            {
                low = mid + 1;
            }
        }

        return low;
    }

    /// <summary>The last period that starts before the instant, or -1 when none does.</summary>
    public int LastStartingBefore(long ticks)
    {
        var starts = Starts;
        int low = 0, high = starts.Length;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (starts[mid] < ticks)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low - 1;
    }

    /// <summary>Open ticks of the block before the instant.</summary>
    public long OpenBefore(long ticks)
    {
        var period = FirstEndingAfter(ticks);
        return period == Starts.Length ? Total : Before[period] + Math.Max(0, ticks - Starts[period]);
    }

    /// <summary>The first period, at or after <paramref name="from"/>, by whose end <paramref name="target"/> open ticks are reached; -1 when the block does not reach it.</summary>
    public int Reaching(int from, long target)
    {
        int low = from, high = Starts.Length;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (Before[mid + 1] >= target)
            {
                high = mid;
            }
            else
            {
                low = mid + 1;
            }
        }

        return low == Starts.Length ? -1 : low;
    }

    /// <summary>
    /// The last period, at or before <paramref name="from"/>, from whose start <paramref name="target"/> open ticks are
    /// reached (its accumulated start is at most the target); -1 when none is.
    /// </summary>
    public int ReachedFrom(int from, long target)
    {
        int low = 0, high = from + 1;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (Before[mid] <= target)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low - 1;
    }
}

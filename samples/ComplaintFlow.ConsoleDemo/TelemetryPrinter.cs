using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using ComplaintFlow.Telemetry;
using Spectre.Console;

namespace ComplaintFlow.ConsoleDemo;

/// <summary>Listens to ComplaintFlow's meter, as an OpenTelemetry exporter would, and prints the totals.</summary>
internal sealed class TelemetryPrinter : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, double> _totals = new();

    public TelemetryPrinter()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == ComplaintFlowTelemetry.Name)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.Start();
    }

    public void Print(IAnsiConsole console)
    {
        var table = new Table().AddColumns("Instrument", "Tags", "Total");
        foreach (var (key, total) in _totals.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var split = key.IndexOf('|', StringComparison.Ordinal);
            table.AddRow(Markup.Escape(key[..split]), Markup.Escape(key[(split + 1)..]), total.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture));
        }

        console.Write(new Rule("[bold]Telemetry (meter 'ComplaintFlow')[/]").LeftJustified());
        console.Write(table);
    }

    public void Dispose() => _listener.Dispose();

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        // Durations vary run to run; the demo shows how many were recorded, with their unit.
        var counted = instrument is Histogram<double> ? 1 : value;
        var tagText = string.Join(", ", tags.ToArray().Select(t => $"{t.Key}={t.Value}"));
        var name = instrument is Histogram<double> ? $"{instrument.Name} (count, {instrument.Unit})" : instrument.Name;
        _totals.AddOrUpdate(name + "|" + tagText, counted, (_, total) => total + counted);
    }
}

using System.Globalization;
using System.Text;

namespace ComplaintFlow.AspNetCore;

/// <summary>A horizontal bar chart as inline SVG, drawn on the server: a title for screen readers and a value on every bar.</summary>
internal static class SvgBars
{
    private const int LabelWidth = 160;
    private const int BarWidth = 360;
    private const int RowHeight = 26;

    public static string Render(string title, IReadOnlyList<(string Label, double Value)> bars, string format)
    {
        if (bars.Count == 0)
        {
            return "<p class=\"muted\">Nothing to chart yet.</p>";
        }

        var max = Math.Max(bars.Max(b => b.Value), 1);
        var height = (bars.Count * RowHeight) + 8;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg role=\"img\" aria-labelledby=\"chart-{title.GetHashCode(StringComparison.Ordinal):x}\" width=\"{LabelWidth + BarWidth + 80}\" height=\"{height}\" viewBox=\"0 0 {LabelWidth + BarWidth + 80} {height}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"chart-{title.GetHashCode(StringComparison.Ordinal):x}\">{HtmlWriter.Encode(title)}</title>");
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, value) = bars[i];
            var y = (i * RowHeight) + 4;
            var width = (int)Math.Round(BarWidth * value / max);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth - 8}\" y=\"{y + 16}\" text-anchor=\"end\">{HtmlWriter.Encode(label)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{LabelWidth}\" y=\"{y}\" width=\"{width}\" height=\"{RowHeight - 8}\" fill=\"#0b5cad\"></rect>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth + width + 6}\" y=\"{y + 16}\">{HtmlWriter.Encode(string.Format(CultureInfo.InvariantCulture, format, value))}</text>");
        }

        return svg.Append("</svg>").ToString();
    }
}

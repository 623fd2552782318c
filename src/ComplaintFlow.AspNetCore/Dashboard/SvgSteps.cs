using System.Globalization;
using System.Text;

namespace ComplaintFlow.AspNetCore;

/// <summary>
/// The process's steps in their order as an SVG drawn on the server: one box per step and an arrow to the next, the
/// current step of a case highlighted when given. The full graph, with every route and trigger, is the Mermaid source
/// the page shows beside it.
/// </summary>
internal static class SvgSteps
{
    private const int Width = 260;
    private const int BoxHeight = 34;
    private const int Gap = 22;

    public static string Render(IReadOnlyList<string> steps, string title)
    {
        var height = (steps.Count * (BoxHeight + Gap)) + 4;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg role=\"img\" aria-labelledby=\"steps-title\" width=\"{Width + 20}\" height=\"{height}\" viewBox=\"0 0 {Width + 20} {height}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"steps-title\">{HtmlWriter.Encode(title)}</title>");
        svg.Append("<defs><marker id=\"arrow\" markerWidth=\"10\" markerHeight=\"10\" refX=\"5\" refY=\"5\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#57606a\"></path></marker></defs>");
        for (var i = 0; i < steps.Count; i++)
        {
            var y = 2 + (i * (BoxHeight + Gap));
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"10\" y=\"{y}\" width=\"{Width}\" height=\"{BoxHeight}\" rx=\"6\" fill=\"#f6f8fa\" stroke=\"#0b5cad\"></rect>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{10 + (Width / 2)}\" y=\"{y + 22}\" text-anchor=\"middle\">{HtmlWriter.Encode(steps[i])}</text>");
            if (i + 1 < steps.Count)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{10 + (Width / 2)}\" y1=\"{y + BoxHeight}\" x2=\"{10 + (Width / 2)}\" y2=\"{y + BoxHeight + Gap - 4}\" stroke=\"#57606a\" marker-end=\"url(#arrow)\"></line>");
            }
        }

        return svg.Append("</svg>").ToString();
    }
}

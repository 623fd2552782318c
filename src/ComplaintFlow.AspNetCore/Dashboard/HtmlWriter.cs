using System.Text;
using System.Text.Encodings.Web;

namespace ComplaintFlow.AspNetCore;

/// <summary>A page of the dashboard, written as HTML with every value encoded; one layout for all pages.</summary>
internal sealed class HtmlWriter(string root, string title)
{
    private readonly StringBuilder _body = new();

    public string Root => root;

    /// <summary>Appends markup the dashboard wrote itself (never user data).</summary>
    public HtmlWriter Raw(string html)
    {
        _body.Append(html);
        return this;
    }

    /// <summary>Appends text, encoded.</summary>
    public HtmlWriter Text(string? text)
    {
        _body.Append(HtmlEncoder.Default.Encode(text ?? string.Empty));
        return this;
    }

    public static string Encode(string? text) => HtmlEncoder.Default.Encode(text ?? string.Empty);

    public string Render() => $"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{Encode(title)} · ComplaintFlow</title>
        <link rel="stylesheet" href="{root}/dashboard.css">
        </head>
        <body>
        <a class="skip" href="#main">Skip to content</a>
        <header><nav aria-label="Dashboard">
        <a href="{root}/">Overview</a><a href="{root}/cases">Cases</a><a href="{root}/new">Open a complaint</a><a href="{root}/reports">Reports</a><a href="{root}/process">Process</a>
        </nav></header>
        <main id="main">
        <h1>{Encode(title)}</h1>
        {_body}
        </main>
        </body>
        </html>
        """;
}

using System.Globalization;
using ComplaintFlow.Outbox;
using ComplaintFlow.Reports;
using ComplaintFlow.Storage;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintFlow.AspNetCore;

/// <summary>
/// The dashboard's pages, rendered on the server: every page works without JavaScript, forms post back and redirect,
/// and a refused action is shown on the case page with the reason the desk gave.
/// </summary>
internal sealed class DashboardPages(string root, string? adminPolicy, IComplaintDesk desk, IAntiforgery antiforgery, TimeProvider time, IServiceProvider services)
{
    /// <summary>Open cases the overview looks at; beyond these it says it stopped counting.</summary>
    private const int OverviewCases = 200;

    private static readonly TimeSpan AtRisk = TimeSpan.FromHours(8);

    public async Task<IResult> OverviewAsync(HttpContext http, CancellationToken ct)
    {
        var page = await desk.QueryAsync(new ComplaintQuery { OpenOnly = true, Limit = OverviewCases }, ct);
        var now = time.GetUtcNow();
        var readings = new List<(ComplaintCase Case, ClockReading Clock)>();
        foreach (var c in page.Cases)
        {
            try
            {
                readings.AddRange((await desk.GetClocksAsync(c.Id, ct)).Select(r => (c, r)));
            }
            catch (ComplaintDataException)
            {
                // One damaged case does not take the overview down; the case list and its own page say what is wrong.
            }
        }

        // Parked events carry handler errors, which may quote customer data: only the admin policy's users see them.
        var admin = await IsAdminAsync(http);
        var parked = admin ? await services.GetRequiredService<IComplaintOutbox>().ListAsync(new OutboxQuery { ParkedOnly = true, Limit = 100 }, ct) : [];
        bool Overdue(ClockReading clock) => clock.Breached || (clock.Status == ClockStatus.Running && clock.DueAt < now);
        var atRisk = readings.Where(r => !Overdue(r.Clock) && r.Clock.Status == ClockStatus.Running && r.Clock.Remaining <= AtRisk).OrderBy(r => r.Clock.Remaining).ToList();
        var breached = readings.Where(r => Overdue(r.Clock)).OrderByDescending(r => r.Clock.DueAt).ToList();
        var breachedToday = breached.Count(r => r.Clock.DueAt.UtcDateTime.Date == now.UtcDateTime.Date);

        var html = new HtmlWriter(root, "Overview");
        html.Raw("<div class=\"cards\">")
            .Raw($"<div class=\"card\"><strong>{Count(page.Cases.Count)}{(page.Next is null ? string.Empty : "+")}</strong>open cases</div>")
            .Raw($"<div class=\"card\"><strong>{Count(atRisk.Count)}</strong>clocks at risk (next {AtRisk.TotalHours:0} business hours)</div>")
            .Raw($"<div class=\"card\"><strong>{Count(breachedToday)}</strong>breaches today</div>")
            .Raw(admin ? $"<div class=\"card\"><strong>{Count(parked.Count)}</strong>parked events</div>" : string.Empty)
            .Raw("</div>");

        html.Raw("<h2>Open cases by step</h2><table><thead><tr><th scope=\"col\">Step</th><th scope=\"col\">Cases</th></tr></thead><tbody>");
        foreach (var step in page.Cases.GroupBy(c => c.Step).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            html.Raw($"<tr><td><a href=\"{root}/cases?step={Uri.EscapeDataString(step.Key)}\">").Text(step.Key).Raw($"</a></td><td>{Count(step.Count())}</td></tr>");
        }

        html.Raw("</tbody></table>");
        ClockTable(html, "Clocks at risk", atRisk, "No clock is close to its deadline.");
        ClockTable(html, "Breached clocks", breached, "No open case has a breached clock.");
        if (!admin)
        {
            return Page(html);
        }

        html.Raw("<h2>Parked events</h2>");
        if (parked.Count == 0)
        {
            html.Raw("<p class=\"muted\">No event is parked.</p>");
        }
        else
        {
            html.Raw("<table><thead><tr><th scope=\"col\">Case</th><th scope=\"col\">Event</th><th scope=\"col\">Attempts</th><th scope=\"col\">Last error</th></tr></thead><tbody>");
            foreach (var entry in parked)
            {
                html.Raw($"<tr><td><a href=\"{root}/cases/{entry.CaseId}\">{entry.CaseId}</a></td><td>").Text($"{entry.Sequence} {entry.Event?.Data.GetType().Name}")
                    .Raw($"</td><td>{Count(entry.Attempts)}</td><td>").Text(entry.LastError).Raw("</td></tr>");
            }

            html.Raw("</tbody></table>");
        }

        return Page(html);
    }

    public async Task<IResult> CasesAsync(HttpContext http, CancellationToken ct)
    {
        var html = new HtmlWriter(root, "Cases");
        ComplaintPage page;
        try
        {
            page = await desk.QueryAsync(CaseEndpoints.Query(http.Request.Query), ct);
        }
        catch (ComplaintValidationException refused)
        {
            html.Raw("<div class=\"alert\" role=\"alert\">").Text(refused.Message).Raw("</div>");
            return Page(html, StatusCodes.Status400BadRequest);
        }

        var query = http.Request.Query;
        html.Raw($"<form method=\"get\" action=\"{root}/cases\" aria-label=\"Filter cases\">");
        foreach (var (name, label) in new[] { ("step", "Step"), ("owner", "Owner id"), ("customer", "Customer reference"), ("category", "Category") })
        {
            html.Raw($"<label for=\"filter-{name}\">{label}</label><input type=\"text\" id=\"filter-{name}\" name=\"{name}\" value=\"").Text(query[name].ToString()).Raw("\">");
        }

        html.Raw("<label for=\"filter-openOnly\">Cases</label><select id=\"filter-openOnly\" name=\"openOnly\">")
            .Raw($"<option value=\"true\"{(query["openOnly"] == "false" ? string.Empty : " selected")}>Open only</option><option value=\"false\"{(query["openOnly"] == "false" ? " selected" : string.Empty)}>All</option></select>")
            .Raw("<button type=\"submit\">Filter</button></form>");
        html.Raw("<table><caption class=\"muted\">Oldest first</caption><thead><tr><th scope=\"col\">Case</th><th scope=\"col\">Customer</th><th scope=\"col\">Summary</th><th scope=\"col\">Step</th><th scope=\"col\">Tier</th><th scope=\"col\">Received</th></tr></thead><tbody>");
        foreach (var c in page.Cases)
        {
            html.Raw($"<tr><td><a href=\"{root}/cases/{c.Id}\">{c.Id.ToString()[..8]}…</a></td><td>").Text(c.CustomerRef).Raw("</td><td>").Text(c.Summary)
                .Raw("</td><td>").Text(c.Step).Raw("</td><td>").Text(c.Tier).Raw("</td><td>").Text(Instant(c.ReceivedAt)).Raw("</td></tr>");
        }

        html.Raw("</tbody></table>");
        if (page.Next is { } next)
        {
            var rest = string.Join('&', query.Where(q => q.Key != "after").Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value.ToString())}"));
            html.Raw($"<p><a href=\"{root}/cases?{HtmlWriter.Encode(rest)}{(rest.Length > 0 ? "&amp;" : string.Empty)}after={next}\" rel=\"next\">Next page</a></p>");
        }

        return Page(html);
    }

    public Task<IResult> CaseAsync(HttpContext http, string id, CancellationToken ct)
    {
        // Reading a case needs only a signed-in user: one the desk could not accept as an actor sees it without actions.
        var (actor, unusable) = ActorOrWhyNot(http);
        return RenderCaseAsync(http, actor, CaseEndpoints.CaseId(id), unusable, http.Request.Query["done"].ToString(), StatusCodes.Status200OK, ct);
    }

    public async Task<IResult> ActAsync(HttpContext http, string id, string action, ComplaintCommandFactory factory, CancellationToken ct)
    {
        var (found, whyNot) = ActorOrWhyNot(http);
        if (found is not { } actor)
        {
            return Refused(whyNot!, StatusCodes.Status403Forbidden);
        }

        if (!await AntiforgeryHoldsAsync(http))
        {
            return Refused("The form has expired or did not come from this dashboard; reload the page and try again.");
        }

        if (!http.Request.HasFormContentType)
        {
            return Refused("The dashboard's forms post form data; this request sent something else.", StatusCodes.Status415UnsupportedMediaType);
        }

        var caseId = CaseEndpoints.CaseId(id);
        var form = await http.Request.ReadFormAsync(ct);
        try
        {
            long? version = long.TryParse(form["version"], NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;
            var body = ActionForms.Read(form, factory.GetInputSchema(action));
            await desk.ExecuteAsync(factory.Create(action, caseId, actor, System.Text.Json.JsonSerializer.SerializeToElement(body, WebJson.Options), expectedVersion: version), ct);
        }
        catch (ComplaintNotFoundException)
        {
            return Refused($"There is no complaint {caseId}.", StatusCodes.Status404NotFound);
        }
        catch (ComplaintFlowException refused) when (ComplaintProblems.Describe(refused, ifMatchGiven: true) is { Status: < 500 } problem)
        {
            return await RenderCaseAsync(http, actor, caseId, $"'{action}' was refused: {refused.Message}", null, problem.Status, ct);
        }

        return Results.Redirect($"{root}/cases/{caseId}?done={Uri.EscapeDataString(action)}", permanent: false, preserveMethod: false);
    }

    public async Task<IResult> NewAsync(HttpContext http, CancellationToken ct)
    {
        var html = new HtmlWriter(root, "Open a complaint");
        html.Raw($"<form class=\"action\" method=\"post\" action=\"{root}/new\">").Raw(AntiforgeryField(http))
            .Raw($"<input type=\"hidden\" name=\"idempotencyKey\" value=\"{Guid.NewGuid():N}\">")
            .Raw("<label for=\"new-customerRef\">Customer reference</label><input type=\"text\" id=\"new-customerRef\" name=\"customerRef\" required aria-required=\"true\">")
            .Raw("<label for=\"new-summary\">What is the complaint about?</label><input type=\"text\" id=\"new-summary\" name=\"summary\" required aria-required=\"true\">")
            .Raw("<label for=\"new-channel\">How it arrived</label><select id=\"new-channel\" name=\"channel\">");
        foreach (var channel in Enum.GetNames<Channel>())
        {
            html.Raw("<option>").Text(channel).Raw("</option>");
        }

        html.Raw("</select><label for=\"new-categories\">Categories</label><input type=\"text\" id=\"new-categories\" name=\"categories\" aria-describedby=\"new-categories-hint\">")
            .Raw("<div class=\"hint\" id=\"new-categories-hint\">Separated by commas</div><button type=\"submit\">Open</button></form>");
        return Page(html);
    }

    public async Task<IResult> OpenAsync(HttpContext http, CancellationToken ct)
    {
        var (found, whyNot) = ActorOrWhyNot(http);
        if (found is not { } actor)
        {
            return Refused(whyNot!, StatusCodes.Status403Forbidden);
        }

        if (!await AntiforgeryHoldsAsync(http))
        {
            return Refused("The form has expired or did not come from this dashboard; reload the page and try again.");
        }

        if (!http.Request.HasFormContentType)
        {
            return Refused("The dashboard's forms post form data; this request sent something else.", StatusCodes.Status415UnsupportedMediaType);
        }

        var form = await http.Request.ReadFormAsync(ct);
        try
        {
            var opened = await desk.OpenAsync(new OpenComplaint
            {
                // A double click posts the form twice: the key makes the second post answer with the first case.
                IdempotencyKey = form["idempotencyKey"] is { Count: 1 } key && key[0] is { Length: > 0 } k ? "dashboard-open-" + k : null,
                CustomerRef = form["customerRef"].ToString(),
                Summary = form["summary"].ToString(),
                Channel = Enum.TryParse<Channel>(form["channel"], out var channel) ? channel : throw new ComplaintValidationException("channel", "is not one of the channels."),
                Categories = [.. form["categories"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
                Actor = actor,
            }, ct);
            return Results.Redirect($"{root}/cases/{opened.Id}?done=open");
        }
        catch (ComplaintFlowException refused) when (ComplaintProblems.Describe(refused, ifMatchGiven: false) is { Status: < 500 } problem)
        {
            // Any refusal the operator can act on (a bad field, a reused key, no authority) is shown on the page.
            var html = new HtmlWriter(root, "Open a complaint");
            html.Raw("<div class=\"alert\" role=\"alert\">").Text($"Not opened: {refused.Message}").Raw($"</div><p><a href=\"{root}/new\">Try again</a></p>");
            return Page(html, problem.Status);
        }
    }

    public async Task<IResult> ProcessAsync(HttpContext http, CancellationToken ct)
    {
        var html = new HtmlWriter(root, "Process");
        html.Raw("<p>The steps of process ").Text(desk.Process.Version).Raw(" in their order. Every route between them, with its trigger, is in the state diagram below.</p>")
            .Raw(SvgSteps.Render(desk.Process.StepIds, $"The steps of process {desk.Process.Version}, in order: {string.Join(", ", desk.Process.StepIds)}"))
            .Raw("<details><summary>The state diagram (Mermaid source, for any Mermaid viewer)</summary><pre aria-label=\"Process diagram source\">").Text(desk.Process.ToMermaid()).Raw("</pre></details>");
        return Page(html);
    }

    public async Task<IResult> ReportsAsync(HttpContext http, CancellationToken ct)
    {
        var html = new HtmlWriter(root, "Reports");
        if (services.GetService<IComplaintReports>() is not { } reports)
        {
            html.Raw("<p>Reports are not registered.</p>");
            return Page(html);
        }

        var now = time.GetUtcNow();
        var period = new ReportPeriod(now.AddDays(-30), now.AddSeconds(1));
        var summary = await reports.GetSummaryAsync(period, cancellationToken: ct);
        html.Raw("<p>The last 30 days, to now.</p><table><tbody>");
        void Row(string name, string value) => html.Raw("<tr><th scope=\"row\">").Text(name).Raw("</th><td>").Text(value).Raw("</td></tr>");
        Row("Received / resolved / closed", $"{summary.Received} / {summary.Resolved} / {summary.Closed}");
        Row("Open now", Count(summary.OpenAtEnd));
        Row("First-contact resolution", Rate(summary.FirstContactResolution.Rate));
        Row("Reopen rate", Rate(summary.ReopenRate.Rate));
        Row("CSAT: satisfied", Rate(summary.Csat.SatisfiedShare));
        html.Raw("</tbody></table><h2>CSAT: follow-ups by score</h2>")
            .Raw(SvgBars.Render("Follow-ups by CSAT score", [.. Enumerable.Range(1, 5).Select(s => (s.ToString(CultureInfo.InvariantCulture), (double)summary.Csat.Distribution[s - 1]))], "{0:0}"))
            .Raw("<h2>Service level by clock</h2>")
            .Raw(SvgBars.Render("Share of stopped clocks that met their deadline, per clock", [.. summary.ServiceLevels.Where(l => l.Achievement is not null).Select(l => (l.Clock, l.Achievement!.Value * 100))], "{0:0}%"));
        return Page(html);
    }

    private async Task<IResult> RenderCaseAsync(HttpContext http, Actor? actor, ComplaintId id, string? refusal, string? done, int status, CancellationToken ct)
    {
        var c = await desk.GetAsync(id, ct);
        var clocks = await desk.GetClocksAsync(id, ct);
        var guidance = await desk.GetGuidanceAsync(id, cancellationToken: ct);
        IReadOnlyList<AvailableAction> actions = actor is null ? [] : await desk.GetAvailableActionsAsync(id, actor, ct);
        var history = await desk.GetHistoryAsync(id, ct);
        var html = new HtmlWriter(root, $"Case {c.CustomerRef}: {c.Summary}");
        if (refusal is not null)
        {
            html.Raw("<div class=\"alert\" role=\"alert\">").Text(refusal).Raw("</div>");
        }
        else if (!string.IsNullOrEmpty(done))
        {
            html.Raw("<div class=\"notice\" role=\"status\">").Text($"Done: {done}. The case is at {c.Step}.").Raw("</div>");
        }

        html.Raw("<table><tbody>");
        void Row(string name, string? value) => html.Raw("<tr><th scope=\"row\">").Text(name).Raw("</th><td>").Text(value).Raw("</td></tr>");
        Row("Step", c.Step);
        Row("Tier", c.Tier);
        Row("Owner", c.Owner?.DisplayName ?? "nobody yet");
        Row("Received", Instant(c.ReceivedAt));
        Row("Version", c.Version.ToString(CultureInfo.InvariantCulture));
        html.Raw("</tbody></table>");

        html.Raw("<h2>Clocks</h2><table><thead><tr><th scope=\"col\">Clock</th><th scope=\"col\">Status</th><th scope=\"col\">Due</th><th scope=\"col\">Business time left</th></tr></thead><tbody>");
        foreach (var clock in clocks)
        {
            var css = clock.Breached ? "breached" : clock.Warned ? "warned" : "ok";
            html.Raw("<tr><td>").Text(clock.Name).Raw($"</td><td class=\"{css}\">").Text(clock.Breached ? "breached" : clock.Warned ? $"{clock.Status}, warned" : clock.Status.ToString())
                .Raw("</td><td>").Text(Instant(clock.DueAt)).Raw("</td><td>").Text(Span(clock.Remaining)).Raw("</td></tr>");
        }

        html.Raw("</tbody></table>");
        html.Raw("<h2>Guidance: ").Text(guidance.Title).Raw("</h2><p>").Text(guidance.Purpose).Raw("</p><ul>");
        foreach (var item in guidance.Checklist)
        {
            html.Raw("<li>").Text(item).Raw("</li>");
        }

        html.Raw("</ul><p class=\"muted\">Practices: ").Text(string.Join(", ", guidance.Practices)).Raw("</p>");

        html.Raw("<h2>Actions</h2>");
        var token = AntiforgeryField(http);
        foreach (var action in actions.Where(a => a.IsAvailable))
        {
            var formId = "act-" + action.Name;
            html.Raw($"<form class=\"action\" id=\"{HtmlWriter.Encode(formId)}\" method=\"post\" action=\"{root}/cases/{c.Id}/actions/{Uri.EscapeDataString(action.Name)}\">")
                .Raw(token).Raw($"<input type=\"hidden\" name=\"version\" value=\"{c.Version.ToString(CultureInfo.InvariantCulture)}\">")
                .Raw("<fieldset><legend>").Text(action.Name).Raw("</legend>");
            ActionForms.WriteFields(html, formId, action.InputSchema, actor!);
            html.Raw("<button type=\"submit\">").Text(action.Name).Raw("</button></fieldset></form>");
        }

        var unavailable = actions.Where(a => !a.IsAvailable).ToList();
        if (unavailable.Count > 0)
        {
            html.Raw($"<details><summary>{Count(unavailable.Count)} more actions, not available to you now, and why</summary><ul>");
            foreach (var action in unavailable)
            {
                html.Raw("<li><strong>").Text(action.Name).Raw("</strong>: ").Text(action.Refusal).Raw("</li>");
            }

            html.Raw("</ul></details>");
        }

        html.Raw("<h2>History</h2><ol class=\"timeline\">");
        foreach (var e in history)
        {
            html.Raw("<li>").Text($"{Instant(e.OccurredAt)} · {e.Data.GetType().Name} · {e.Actor.DisplayName}").Raw("</li>");
        }

        html.Raw("</ol>");
        return Page(html, status);
    }

    private static void ClockTable(HtmlWriter html, string title, List<(ComplaintCase Case, ClockReading Clock)> rows, string none)
    {
        html.Raw("<h2>").Text(title).Raw("</h2>");
        if (rows.Count == 0)
        {
            html.Raw("<p class=\"muted\">").Text(none).Raw("</p>");
            return;
        }

        html.Raw("<table><thead><tr><th scope=\"col\">Case</th><th scope=\"col\">Clock</th><th scope=\"col\">Due</th><th scope=\"col\">Business time left</th></tr></thead><tbody>");
        foreach (var (c, clock) in rows)
        {
            html.Raw($"<tr><td><a href=\"{html.Root}/cases/{c.Id}\">").Text(c.CustomerRef).Raw("</a></td><td>").Text(clock.Name)
                .Raw($"</td><td class=\"{(clock.Breached ? "breached" : "warned")}\">").Text(Instant(clock.DueAt)).Raw("</td><td>").Text(Span(clock.Remaining)).Raw("</td></tr>");
        }

        html.Raw("</tbody></table>");
    }

    private async Task<bool> AntiforgeryHoldsAsync(HttpContext http)
    {
        try
        {
            await antiforgery.ValidateRequestAsync(http);
            return true;
        }
        catch (AntiforgeryValidationException)
        {
            return false;
        }
    }

    // Without an admin policy nobody is an admin: parked events may quote customer data (see MapComplaintFlow).
    private async Task<bool> IsAdminAsync(HttpContext http) =>
        adminPolicy is not null && (await services.GetRequiredService<IAuthorizationService>().AuthorizeAsync(http.User, null, adminPolicy)).Succeeded;

    /// <summary>
    /// The signed-in user's actor when the desk can accept it; otherwise why not, for the dashboard to show on a page
    /// (a case without actions, or a refusal page for a post) instead of the API's JSON problem.
    /// </summary>
    private static (Actor? Actor, string? WhyNot) ActorOrWhyNot(HttpContext http)
    {
        try
        {
            return (SignedInFilter.ActorOf(http), null);
        }
        catch (ActorUnusableException refused)
        {
            return (null, refused.Message);
        }
    }

    private IResult Refused(string message, int status = StatusCodes.Status400BadRequest)
    {
        var html = new HtmlWriter(root, "Not done");
        html.Raw("<div class=\"alert\" role=\"alert\">").Text(message).Raw("</div>");
        return Page(html, status);
    }

    private string AntiforgeryField(HttpContext http)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        return $"<input type=\"hidden\" name=\"{HtmlWriter.Encode(tokens.FormFieldName)}\" value=\"{HtmlWriter.Encode(tokens.RequestToken)}\">";
    }

    private static IResult Page(HtmlWriter html, int status = StatusCodes.Status200OK) => Results.Content(html.Render(), "text/html; charset=utf-8", statusCode: status);

    private static string Count(long n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Rate(double? share) => share is { } s ? s.ToString("0%", CultureInfo.InvariantCulture) : "-";

    private static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("ddd d MMM yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string Span(TimeSpan span) => span <= TimeSpan.Zero ? "none" : span.TotalHours >= 1 ? $"{(int)span.TotalHours} h {span.Minutes} min" : $"{span.Minutes} min";
}

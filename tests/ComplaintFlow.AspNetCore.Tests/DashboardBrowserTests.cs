using System.Net.Http.Json;
using ComplaintFlow.Time;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace ComplaintFlow.AspNetCore.Tests;

/// <summary>
/// The operator dashboard in a real browser: headless Chromium driven by Selenium, on the sample back office served
/// by Kestrel on a real port of 127.0.0.1. An operator takes a complaint from open to closed through the forms, sees
/// a refusal when someone else changed the case first, and sees a breach appear once the clock moves (PR-01, PR-18).
/// Screenshots are saved under the test output and their paths printed.
/// </summary>
public sealed class DashboardBrowserTests : IDisposable
{
    private readonly BackOffice _app = new();
    private readonly string _root;
    private readonly ChromeDriver _browser;
    private readonly string _shots = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture))).FullName;

    public DashboardBrowserTests()
    {
        _browser = Browsers.ChromiumOrSkip();
        _app.UseKestrel(0);
        _app.StartServer();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single(a => a.StartsWith("http://127.0.0.1", StringComparison.Ordinal));
        _root = address.TrimEnd('/');
    }

    [Fact]
    public async Task AnOperator_TakesAComplaintFromOpenToClosed_SeesARefusal_AndABreach()
    {
        SignIn(BackOffice.Agent);

        // Open a complaint through the form.
        Go("/complaints/ui/new");
        Fill("new-customerRef", "cust-browser");
        Fill("new-summary", "The parcel came two weeks late");
        Submit("new-customerRef");
        Notice().Should().Contain("Done: open").And.Contain("acknowledge");
        var caseUrl = _browser.Url.Split('?')[0];
        var caseId = caseUrl.Split('/')[^1];
        Shot("1-opened");

        Act("acknowledge");
        Notice().Should().Contain("listen");
        Act("record-statement", ("text", "It arrived after the birthday."));
        Act("submit-paraphrase", ("text", "So the parcel was two weeks late and missed the party."));
        Act("confirm-paraphrase");
        Act("capture-desired-outcome", ("kind", "Refund"), ("details", "The delivery charge back."));

        // Someone else changes the case while this page is open: the form's version is stale, and the page says so.
        using (var other = new HttpClient { BaseAddress = new Uri(_root) })
        {
            other.DefaultRequestHeaders.Add("X-Demo-User", BackOffice.Supervisor);
            (await other.PostAsJsonAsync($"/complaints/{caseId}/actions/add-note", new { text = "Customer called again." })).EnsureSuccessStatusCode();
        }

        Act("propose", ("remedies", """[{ "kind": "Refund", "description": "Delivery charge refunded", "amount": { "amount": 4.99, "currency": "GBP" } }]"""), ("explanation", "We refund the delivery."));
        Alert().Should().Contain("'propose' was refused").And.Contain("version");
        Shot("2-refused");

        // Reload and try again: it goes through.
        Go(caseUrl.Replace(_root, string.Empty, StringComparison.Ordinal));
        Act("propose", ("remedies", """[{ "kind": "Refund", "description": "Delivery charge refunded", "amount": { "amount": 4.99, "currency": "GBP" } }]"""), ("explanation", "We refund the delivery."));
        Act("accept", ("proposalNumber", "1"));
        Act("record-fulfilment", ("description", "Refund issued"));
        Act("record-follow-up", ("satisfied", "true"), ("csat", "5"));
        Notice().Should().Contain("closed");
        var timeline = _browser.FindElement(By.CssSelector("ol.timeline")).Text;
        timeline.Should().Contain("ComplaintOpened").And.Contain("ProposalAccepted").And.Contain("FulfilmentRecorded").And.Contain("ComplaintClosed");
        Shot("3-closed");

        // A second complaint nobody acknowledges: after three days its acknowledgement clock has breached.
        Go("/complaints/ui/new");
        Fill("new-customerRef", "cust-ignored");
        Fill("new-summary", "Nobody answered my email");
        Submit("new-customerRef");
        _app.Time.Advance(TimeSpan.FromDays(3));
        var deadlines = _app.Services.GetRequiredService<DeadlineWorker>();
        while (await deadlines.RunOnceAsync() > 0)
        {
        }

        Go("/complaints/ui/");
        var breaches = _browser.FindElement(By.XPath("//h2[text()='Breached clocks']/following-sibling::table[1]")).Text;
        breaches.Should().Contain("cust-ignored").And.Contain("acknowledge");
        Shot("4-breach");
        _browser.FindElement(By.LinkText("cust-ignored")).Click();
        _browser.FindElement(By.CssSelector("td.breached")).Text.Should().Be("breached");
    }

    [Fact]
    public void TheDashboard_WithoutASignedInUser_IsRefused()
    {
        Go("/complaints/ui/");

        _browser.PageSource.Should().NotContain("Open cases by step");
    }

    public void Dispose()
    {
        _browser.Quit();
        _browser.Dispose();
        _app.Dispose();
    }

    private void SignIn(string user)
    {
        Go("/health");
        _browser.Manage().Cookies.AddCookie(new Cookie("demo-user", Uri.EscapeDataString(user), "/"));
    }

    private void Go(string path) => _browser.Navigate().GoToUrl(_root + path);

    private void Fill(string id, string text)
    {
        var field = _browser.FindElement(By.Id(id));
        if (field.TagName == "select")
        {
            new SelectElement(field).SelectByText(text);
            return;
        }

        field.Clear();
        field.SendKeys(text);
    }

    private void Submit(string fieldId)
    {
        var field = _browser.FindElement(By.Id(fieldId));
        field.Submit();
        AwaitNextPage(field);
    }

    /// <summary>Waits until the page that held <paramref name="element"/> has been replaced by the form's answer.</summary>
    private void AwaitNextPage(IWebElement element) =>
        new WebDriverWait(_browser, TimeSpan.FromSeconds(30)).Until<bool>(driver =>
        {
            try
            {
                _ = element.Enabled;
                return false;
            }
            catch (StaleElementReferenceException)
            {
                return true;
            }
            catch (UnknownErrorException error) when (error.Message.Contains("does not belong to the document", StringComparison.Ordinal))
            {
                // Chromium sometimes reports an element of a replaced page this way instead of as stale.
                return true;
            }
        });

    /// <summary>Fills the action's form on the case page and submits it with its button, as an operator would.</summary>
    private void Act(string action, params (string Field, string Value)[] fields)
    {
        var form = _browser.FindElement(By.Id("act-" + action));
        foreach (var (field, value) in fields)
        {
            Fill($"act-{action}-{field}", value);
        }

        form.FindElement(By.CssSelector("button[type=submit]")).Click();
        AwaitNextPage(form);
    }

    private string Notice() => _browser.FindElement(By.CssSelector("[role=status]")).Text;

    private string Alert()
    {
        var alerts = _browser.FindElements(By.CssSelector("[role=alert]"));
        var main = _browser.FindElement(By.Id("main")).Text;
        alerts.Should().NotBeEmpty($"the page should show a refusal, but shows: {main[..Math.Min(600, main.Length)]}");
        return alerts[0].Text;
    }

    private void Shot(string name)
    {
        var path = Path.Combine(_shots, name + ".png");
        _browser.GetScreenshot().SaveAsFile(path);
        TestContext.Current.TestOutputHelper?.WriteLine($"screenshot: {path}");
        Console.WriteLine($"screenshot: {path}");
    }
}

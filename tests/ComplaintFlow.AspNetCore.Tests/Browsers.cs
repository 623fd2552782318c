using OpenQA.Selenium.Chrome;

namespace ComplaintFlow.AspNetCore.Tests;

/// <summary>
/// Headless Chromium from the machine's packages (Debian's <c>chromium</c> and <c>chromium-driver</c>, which .ci/run
/// installs), with the driver named explicitly so Selenium never tries to download one.
/// </summary>
internal static class Browsers
{
    private static readonly string[] DriverFolders = ["/usr/bin", "/usr/lib/chromium"];
    private static readonly string[] BrowserPaths = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

    /// <summary>
    /// A new headless browser. Without Chromium the test is skipped with a message saying how to install it, as the
    /// PostgreSQL tests are without a server; CI installs it and allows no skips.
    /// </summary>
    public static ChromeDriver ChromiumOrSkip()
    {
        var driverFolder = DriverFolders.FirstOrDefault(f => File.Exists(Path.Combine(f, "chromedriver")));
        var browser = BrowserPaths.FirstOrDefault(File.Exists);
        if (driverFolder is null || browser is null)
        {
            Assert.Skip("The browser tests need Chromium and its driver: run `bash .ci/chromium.sh` (Debian's chromium and chromium-driver).");
        }

        var service = ChromeDriverService.CreateDefaultService(driverFolder, "chromedriver");
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        var options = new ChromeOptions { BinaryLocation = browser };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,2400");
        return new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }
}

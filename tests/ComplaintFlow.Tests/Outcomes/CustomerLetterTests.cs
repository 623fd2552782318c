using ComplaintFlow.Outcomes;
using ComplaintFlow.Process;
using ComplaintFlow.Tests.Support;
using ComplaintFlow.Time;

namespace ComplaintFlow.Tests.Outcomes;

/// <summary>
/// Each preset's letter models carry every element the preset requires of each communication, so an app's template
/// fed from them cannot leave one out; and a letter that would lack one is refused, naming it (PR-17).
/// </summary>
public sealed class CustomerLetterTests
{
    private static readonly BusinessCalendar Calendar = BusinessCalendar.Create("Etc/UTC").OpenWeekdays(new TimeOnly(9, 0), new TimeOnly(17, 0)).Build();

    public static TheoryData<string> Presets => ["fca", "asic", "asic-hardship", "cfpb", "default"];

    private static ClockSettings Preset(string name) => name switch
    {
        "fca" => ClockPresets.UkFcaDisp(Calendar),
        "asic" => ClockPresets.AustraliaAsicRg271(Calendar),
        "asic-hardship" => ClockPresets.AustraliaAsicRg271(Calendar, AsicComplaintKind.FinancialHardship),
        "cfpb" => ClockPresets.UsCfpb(Calendar),
        _ => ClockPresets.Default(Calendar),
    };

    [Theory]
    [MemberData(nameof(Presets))]
    public async Task GetLetterAsync_EveryCommunicationOfThePreset_CarriesEveryRequiredElement(string preset)
    {
        var settings = Preset(preset);
        using var t = new TestDesk(options: o => o.Clocks = settings);
        var c = await t.Desk.DriveToAsync(await t.OpenAsync(), StepIds.Fulfil);
        var kinds = settings.Communications.Select(r => r.Kind).Append(CommunicationKind.Acknowledgement).Distinct().ToList();

        foreach (var kind in kinds)
        {
            var letter = await t.Desk.GetLetterAsync(c.Id, kind);

            letter.Missing.Should().BeEmpty($"{preset} {kind}");
            letter.Required.Should().NotBeEmpty();
            letter.Required.Should().OnlyContain(e => letter.Carries(e), $"{preset} {kind}");
            letter.Kind.Should().Be(kind);
        }

        settings.Communications.Where(r => r.Elements.IsDefaultOrEmpty).Should().BeEmpty();
        if (preset is "fca" or "asic" or "asic-hardship")
        {
            var final = settings.Communications.First(r => r.Need == CommunicationNeed.BeforeClose);
            final.Elements.Should().Contain([LetterElement.Outcome, LetterElement.Reasons, LetterElement.Offer, LetterElement.ReferralBody, LetterElement.ReferralContact, LetterElement.ReferralTimeLimit]);
        }
    }

    [Fact]
    public async Task GetLetterAsync_FinalResponseWithoutAnOutcome_IsRefusedNamingWhatIsMissing()
    {
        using var t = new TestDesk(options: o => o.Clocks = ClockPresets.UkFcaDisp(Calendar));
        var c = await t.Desk.DriveToAsync(await t.OpenAsync(), StepIds.SeekResolution);

        var act = () => t.Desk.GetLetterAsync(c.Id, CommunicationKind.FinalResponse).AsTask();

        (await act.Should().ThrowAsync<ComplaintValidationException>()).Which.Message.Should().Contain("must carry the outcome, the reasons").And.Contain("record-outcome");
    }

    [Fact]
    public async Task GetLetterAsync_ReferralText_IsInTheCustomersLanguage()
    {
        using var t = new TestDesk(b => b.UseCustomerExplanations<WelshReferral>(), o => o.Clocks = ClockPresets.UkFcaDisp(Calendar));
        var c = await t.Desk.OpenAsync(new OpenComplaint { CustomerRef = "cy-1", Summary = "Ffi ddwywaith", Channel = Channel.Letter, Actor = Actors.Agent, CustomerLanguage = "cy" });
        c = await t.Desk.DriveToAsync(c, StepIds.Fulfil);

        var letter = await t.Desk.GetLetterAsync(c.Id, CommunicationKind.FinalResponse);

        letter.Culture.Should().Be("cy");
        letter.ReferralText.Should().Be("Gallwch ofyn i'r Ombwdsmon Ariannol edrych ar eich cwyn.");
    }

    [Fact]
    public async Task Outcome_ProductFromTheCasesCategory_AndCodesCheckedAgainstTheTaxonomies()
    {
        using var t = new TestDesk(options: o =>
        {
            o.Outcomes.Products.Add(new OutcomeCode("current-account", "Current account", OutcomeTaxonomies.FcaProductGroups[0]));
            o.Outcomes.Products.Add(new OutcomeCode("mortgage", "Mortgage", OutcomeTaxonomies.FcaProductGroups[1]));
            o.Outcomes.RootCauses.Add(new OutcomeCode("fees", "Fees and charges", "Terms and disputed sums/charges"));
            o.Outcomes.ProductByCategory["overdraft"] = "current-account";
        });
        var c = await t.Desk.OpenAsync(new OpenComplaint { CustomerRef = "c-1", Summary = "Overdraft fee", Channel = Channel.Phone, Actor = Actors.Agent, Categories = ["billing", "overdraft"] });

        c = await t.Desk.ExecuteAsync(new RecordOutcome { CaseId = c.Id, Actor = Actors.Agent, Decision = ComplaintOutcome.PartlyUpheld, Reasons = "One of the two fees was wrong.", RootCause = "fees" });

        c.Outcome!.Product.Should().Be("current-account", "the first category with a mapping gives the product");
        c.Outcome.RootCause.Should().Be("fees");
        c.Outcome.CountsAsUpheld.Should().BeTrue("a partly upheld complaint counts as upheld");
        var unknown = () => t.Desk.ExecuteAsync(new RecordOutcome { CaseId = c.Id, Actor = Actors.Agent, Decision = ComplaintOutcome.Upheld, Reasons = "x", RootCause = "weather" }).AsTask();
        (await unknown.Should().ThrowAsync<ComplaintValidationException>()).Which.Field.Should().Be("RootCause");
    }

    private sealed class WelshReferral : ComplaintFlow.Policies.ICustomerExplanations
    {
        public string GetText(string key, System.Globalization.CultureInfo culture) =>
            key == ComplaintFlow.Policies.CustomerExplanationKeys.ReferralFinancialOmbudsman && culture.Name == "cy"
                ? "Gallwch ofyn i'r Ombwdsmon Ariannol edrych ar eich cwyn."
                : ComplaintFlow.Policies.ICustomerExplanations.BuiltIn.GetText(key, culture);
    }
}

using ComplaintFlow.Serialization;
using ComplaintFlow.Tests.Serialization;

namespace ComplaintFlow.Tests.Desk;

/// <summary>
/// The draft a command writes to must carry every member of a case: a member the draft forgot would be dropped from
/// the snapshot by the next command, silently.
/// </summary>
public sealed class CaseDraftTests
{
    [Fact]
    public void Build_OfADraftOfAFullCase_GivesEveryMemberBack()
    {
        var full = (ComplaintCase)SampleValues.Of(typeof(ComplaintCase));

        var built = CaseDraft.Of(full).BuildAndRelease();

        System.Text.Encoding.UTF8.GetString(ComplaintJson.SerializeCase(built)).Should().Be(System.Text.Encoding.UTF8.GetString(ComplaintJson.SerializeCase(full)));
        built.Should().NotBeSameAs(full);
    }

    [Fact]
    public void Of_ReusedDraft_HoldsNothingOfTheCaseBefore()
    {
        var full = (ComplaintCase)SampleValues.Of(typeof(ComplaintCase));
        CaseDraft.Of(full).Release();
        var bare = new ComplaintCase { Id = ComplaintId.Parse("01950000-0000-7000-8000-000000000002"), Version = 1, ProcessVersion = "p", Step = "listen", CustomerRef = "c", Channel = Channel.Email, Summary = "s", ReceivedAt = full.ReceivedAt, OpenedAt = full.OpenedAt, UpdatedAt = full.UpdatedAt, OpenedBy = full.OpenedBy };

        var built = CaseDraft.Of(bare).BuildAndRelease();

        System.Text.Encoding.UTF8.GetString(ComplaintJson.SerializeCase(built)).Should().Be(System.Text.Encoding.UTF8.GetString(ComplaintJson.SerializeCase(bare)));
    }
}

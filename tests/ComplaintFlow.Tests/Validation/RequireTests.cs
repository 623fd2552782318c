using ComplaintFlow.Tests.Support;
using ComplaintFlow.Validation;

namespace ComplaintFlow.Tests.Validation;

public sealed class RequireTests
{
    [Theory]
    [InlineData(2, "Actor.Roles[1]")]
    [InlineData(10, "Actor.Roles[9]")]
    public void Actor_ABlankRole_IsRefusedNamingItsPosition(int roles, string field)
    {
        var actor = Actors.Agent with { Roles = [.. Enumerable.Range(1, roles - 1).Select(i => $"role-{i}"), " "] };

        var act = () => Require.Actor(actor, "Actor");

        act.Should().Throw<ComplaintValidationException>().Which.Field.Should().Be(field);
    }

    [Fact]
    public void Actor_ValidRoles_PassWithoutAllocatingTheirNames()
    {
        var actor = Actors.Agent with { Roles = ["legal", "quality-review"] };
        Require.Actor(actor, "Actor");

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            Require.Actor(actor, "Actor");
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        allocated.Should().Be(0, "a role's field name is put together only when the role is refused");
    }
}

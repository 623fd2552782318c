using ComplaintFlow.Outbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ComplaintFlow.Tests.Outbox;

public sealed class OutboxOptionsTests
{
    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 10)]
    [InlineData(3, 20)]
    [InlineData(7, 320)]
    [InlineData(8, 600)]
    [InlineData(500, 600)]
    public void RetryDelayAfter_Doubles_UpToTheCap(int failures, int expectedSeconds) =>
        new OutboxOptions().RetryDelayAfter(failures).Should().Be(TimeSpan.FromSeconds(expectedSeconds));

    [Fact]
    public void RetryDelayAfter_NoFailures_IsRefused()
    {
        var act = () => new OutboxOptions().RetryDelayAfter(0);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Theory]
    [InlineData("MaxAttempts")]
    [InlineData("FirstRetryDelay")]
    [InlineData("MaxRetryDelay")]
    [InlineData("Lease")]
    [InlineData("BatchSize")]
    [InlineData("PollInterval")]
    public void AddComplaintFlow_BadOutboxSetting_FailsNamingIt(string setting)
    {
        using var provider = new ServiceCollection().AddComplaintFlow(o => Break(o.Outbox, setting)).Services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<IOptions<ComplaintFlowOptions>>().Value;

        act.Should().Throw<OptionsValidationException>().WithMessage($"*Outbox.{setting}*");
    }

    /// <summary>A dispatcher renews its claim every third of the lease; a lease under a second is refused at start-up.</summary>
    [Fact]
    public void AddComplaintFlow_OutboxLeaseUnderASecond_FailsNamingTheFloor()
    {
        using var provider = new ServiceCollection().AddComplaintFlow(o => o.Outbox.Lease = TimeSpan.FromMilliseconds(999)).Services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<IOptions<ComplaintFlowOptions>>().Value;

        act.Should().Throw<OptionsValidationException>().WithMessage("*Outbox.Lease is 00:00:00.9990000; it must be at least 00:00:01*");
    }

    private static void Break(OutboxOptions options, string setting)
    {
        switch (setting)
        {
            case "MaxAttempts": options.MaxAttempts = 0; break;
            case "FirstRetryDelay": options.FirstRetryDelay = TimeSpan.Zero; break;
            case "MaxRetryDelay": options.MaxRetryDelay = TimeSpan.FromMilliseconds(1); break;
            case "Lease": options.Lease = TimeSpan.FromSeconds(-1); break;
            case "BatchSize": options.BatchSize = 0; break;
            default: options.PollInterval = TimeSpan.Zero; break;
        }
    }
}

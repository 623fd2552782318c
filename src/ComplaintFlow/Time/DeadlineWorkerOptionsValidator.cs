using Microsoft.Extensions.Options;

namespace ComplaintFlow.Time;

/// <summary>Checks <see cref="DeadlineWorkerOptions"/> and says exactly what to fix.</summary>
internal sealed class DeadlineWorkerOptionsValidator : IValidateOptions<DeadlineWorkerOptions>
{
    public ValidateOptionsResult Validate(string? name, DeadlineWorkerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = options.Validate().ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

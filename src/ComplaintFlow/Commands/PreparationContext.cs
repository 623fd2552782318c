using ComplaintFlow.Policies;

namespace ComplaintFlow;

/// <summary>What a command may consult in its last checks before applying.</summary>
internal readonly record struct PreparationContext(ComplaintCase Case, AuthorityRules Authority, IRemedyFeasibilityCheck Feasibility);

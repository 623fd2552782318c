namespace ComplaintFlow;

/// <summary>What a command may consult to choose its state-machine trigger.</summary>
internal readonly record struct TriggerContext(Process.ComplaintProcess Process, ComplaintCase Case, int MaxUnansweredFollowUps);

namespace ComplaintFlow.Process;

/// <summary>The names of the built-in actions, as reported by permitted-action queries and errors.</summary>
public static class ComplaintActions
{
    /// <summary>Acknowledge the complaint and name an owner.</summary>
    public const string Acknowledge = "acknowledge";
    /// <summary>Record the customer's account.</summary>
    public const string RecordStatement = "record-statement";
    /// <summary>Record a clarifying question and answer.</summary>
    public const string RecordClarification = "record-clarification";
    /// <summary>Put the agent's restatement of the problem to the customer.</summary>
    public const string SubmitParaphrase = "submit-paraphrase";
    /// <summary>Record that the customer confirmed the restatement.</summary>
    public const string ConfirmParaphrase = "confirm-paraphrase";
    /// <summary>Record the customer's correction of the restatement.</summary>
    public const string CorrectParaphrase = "correct-paraphrase";
    /// <summary>Record what the customer wants.</summary>
    public const string CaptureDesiredOutcome = "capture-desired-outcome";
    /// <summary>Propose a resolution.</summary>
    public const string Propose = "propose";
    /// <summary>Record the customer's acceptance.</summary>
    public const string Accept = "accept";
    /// <summary>Record the customer's rejection.</summary>
    public const string Reject = "reject";
    /// <summary>Record that the remedy was carried out.</summary>
    public const string RecordFulfilment = "record-fulfilment";
    /// <summary>Record the follow-up with the customer.</summary>
    public const string RecordFollowUp = "record-follow-up";
    /// <summary>Close without a follow-up (needs authority).</summary>
    public const string WaiveFollowUp = "waive-follow-up";
    /// <summary>Reopen a closed case.</summary>
    public const string Reopen = "reopen";
    /// <summary>Record that the customer withdrew the complaint.</summary>
    public const string Withdraw = "withdraw";
    /// <summary>Give the case a new owner.</summary>
    public const string Reassign = "reassign";
    /// <summary>Add an internal note.</summary>
    public const string AddNote = "add-note";
    /// <summary>Record a progress update sent to the customer.</summary>
    public const string RecordCustomerUpdate = "record-customer-update";
    /// <summary>Change the severity.</summary>
    public const string SetSeverity = "set-severity";
    /// <summary>Change the handling flags.</summary>
    public const string SetFlags = "set-flags";
    /// <summary>Change the categories.</summary>
    public const string SetCategories = "set-categories";
    /// <summary>Record that the customer asked for a manager (PR-11).</summary>
    public const string RecordManagerRequest = "record-manager-request";
    /// <summary>Hand an escalated case back to a more junior tier or another team (PR-11).</summary>
    public const string HandBack = "hand-back";
    /// <summary>Record a follow-up attempt the customer did not answer (PR-14).</summary>
    public const string RecordFollowUpAttempt = "record-follow-up-attempt";
    /// <summary>Record the decision on the complaint, with reasons, product and root cause (PR-09, PR-17).</summary>
    public const string RecordOutcome = "record-outcome";

    /// <summary>Send a final response when agreement cannot be reached: the outcome, the offer and the referral rights.</summary>
    public const string IssueFinalResponse = "issue-final-response";

    /// <summary>Record something paid or done for the customer (PR-17).</summary>
    public const string RecordRedress = "record-redress";

    /// <summary>Record a communication sent to the customer (a summary resolution, a delay letter, an IDR response...).</summary>
    public const string RecordCommunication = "record-communication";

    /// <summary>
    /// Complete a custom step, or send the case back from one (the command's name; each custom step's completing and
    /// send-back actions have names of their own).
    /// </summary>
    public const string CompleteStep = "complete-step";
}

namespace ComplaintFlow.Outcomes;

/// <summary>What was sent to the customer. The presets say which are required and when (see <see cref="CommunicationRule"/>).</summary>
public enum CommunicationKind
{
    /// <summary>The acknowledgement (PR-01); recorded by <see cref="AcknowledgeComplaint"/>.</summary>
    Acknowledgement,

    /// <summary>A progress update (PR-13); recorded by <see cref="RecordCustomerUpdate"/>.</summary>
    ProgressUpdate,

    /// <summary>UK: the letter closing a complaint resolved by the close of the third business day after receipt.</summary>
    SummaryResolution,

    /// <summary>The final response: the outcome, the reasons, what is offered, and the right to go to the ombudsman.</summary>
    FinalResponse,

    /// <summary>UK: the letter saying why no final response has been sent by the end of eight weeks.</summary>
    DelayLetter,

    /// <summary>Australia: the IDR response, with the right to go to AFCA.</summary>
    IdrResponse,

    /// <summary>Australia: the IDR delay notification, sent before the response deadline when it cannot be met.</summary>
    IdrDelayNotification,

    /// <summary>United States: the company's response through the CFPB portal saying the complaint is in progress.</summary>
    CfpbInProgress,

    /// <summary>United States: the company's final response through the CFPB portal.</summary>
    CfpbResponse,
}

using System.Text.Json.Serialization;

namespace ComplaintFlow.Events;

/// <summary>What happened in one <see cref="ComplaintEvent"/>. Match on the derived type to read the details.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(CategoriesChanged), "categories-changed")]
[JsonDerivedType(typeof(ClarificationRecorded), "clarification-recorded")]
[JsonDerivedType(typeof(ComplaintAcknowledged), "acknowledged")]
[JsonDerivedType(typeof(ComplaintClosed), "closed")]
[JsonDerivedType(typeof(ComplaintEscalated), "escalated")]
[JsonDerivedType(typeof(ComplaintHandedBack), "handed-back")]
[JsonDerivedType(typeof(ComplaintOpened), "opened")]
[JsonDerivedType(typeof(ComplaintReassigned), "reassigned")]
[JsonDerivedType(typeof(ComplaintReopened), "reopened")]
[JsonDerivedType(typeof(ComplaintWithdrawn), "withdrawn")]
[JsonDerivedType(typeof(CustomerUpdated), "customer-updated")]
[JsonDerivedType(typeof(DesiredOutcomeCaptured), "desired-outcome-captured")]
[JsonDerivedType(typeof(FlagsChanged), "flags-changed")]
[JsonDerivedType(typeof(FollowUpRecorded), "follow-up-recorded")]
[JsonDerivedType(typeof(FollowUpWaived), "follow-up-waived")]
[JsonDerivedType(typeof(FulfilmentRecorded), "fulfilment-recorded")]
[JsonDerivedType(typeof(ManagerRequested), "manager-requested")]
[JsonDerivedType(typeof(NoteAdded), "note-added")]
[JsonDerivedType(typeof(ParaphraseConfirmed), "paraphrase-confirmed")]
[JsonDerivedType(typeof(ParaphraseCorrected), "paraphrase-corrected")]
[JsonDerivedType(typeof(ParaphraseSubmitted), "paraphrase-submitted")]
[JsonDerivedType(typeof(ProposalAccepted), "proposal-accepted")]
[JsonDerivedType(typeof(ProposalRejected), "proposal-rejected")]
[JsonDerivedType(typeof(ResolutionProposed), "resolution-proposed")]
[JsonDerivedType(typeof(SeverityChanged), "severity-changed")]
[JsonDerivedType(typeof(StatementRecorded), "statement-recorded")]
[JsonDerivedType(typeof(StepCompleted), "step-completed")]
public abstract record ComplaintEventData;

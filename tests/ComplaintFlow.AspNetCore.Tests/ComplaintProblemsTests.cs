using Microsoft.AspNetCore.Http;

namespace ComplaintFlow.AspNetCore.Tests;

/// <summary>One row per exception type: its status code, stable type and the members a client acts on (docs/web.md).</summary>
public sealed class ComplaintProblemsTests
{
    private static readonly ComplaintId Case = ComplaintId.Parse("0193b8a0-0000-7000-8000-000000000001");

    public static TheoryData<string, int, string, string> Rows() => new()
    {
        { nameof(ComplaintValidationException), 400, "validation", "field" },
        { nameof(ComplaintNotFoundException), 404, "not-found", "caseId" },
        { nameof(ComplaintAuthorizationException), 403, "not-authorized", "missingAuthority" },
        { nameof(ActionNotPermittedException), 409, "action-not-permitted", "permittedActions" },
        { nameof(ComplaintConcurrencyException), 409, "version-conflict", "actualVersion" },
        { nameof(IdempotencyKeyReusedException), 422, "idempotency-key-reused", "firstCaseId" },
        { nameof(Storage.IdempotencyKeyConflictException), 409, "idempotency-key-conflict", "idempotencyKey" },
        { nameof(RemedyNotFeasibleException), 422, "remedy-not-feasible", "reason" },
        { nameof(EscalationPolicyFailedException), 500, "escalation-policy-failed", "policy" },
        { nameof(ComplaintDataException), 500, "damaged-data", "caseId" },
        { "transient " + nameof(ComplaintStoreException), 503, "store-unavailable", "store" },
        { nameof(ComplaintStoreException), 500, "store-failed", "store" },
        { nameof(ComplaintProcessDefinitionException), 500, "process-definition", "" },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Describe_EachException_HasItsStatusTypeAndMembers(string exception, int status, string type, string member)
    {
        var problem = ComplaintProblems.Describe(Make(exception), ifMatchGiven: false)!;

        problem.Status.Should().Be(status);
        problem.Type.Should().Be(type);
        if (member.Length > 0)
        {
            problem.Members.Select(m => m.Name).Should().Contain(member);
        }
    }

    [Fact]
    public void Describe_AVersionConflictUnderIfMatch_Is412()
    {
        ComplaintProblems.Describe(new ComplaintConcurrencyException(Case, 2, 3), ifMatchGiven: true)!.Status.Should().Be(412);
    }

    [Fact]
    public void For_ATransientStoreFailure_SetsRetryAfter_AndAPermanentOneDoesNot()
    {
        var transient = new DefaultHttpContext();
        var permanent = new DefaultHttpContext();

        ComplaintProblems.For(new ComplaintStoreException("sqlite", "the database is locked", isTransient: true), false, transient).Should().NotBeNull();
        ComplaintProblems.For(new ComplaintStoreException("sqlite", "the disk is full", isTransient: false), false, permanent).Should().NotBeNull();

        transient.Response.Headers.RetryAfter.ToString().Should().Be("5");
        permanent.Response.Headers.RetryAfter.Should().BeEmpty();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void For_AStoreFailure_KeepsItsMessageOutOfTheResponse_AndGivesTheTraceId(bool transient)
    {
        var http = new DefaultHttpContext { TraceIdentifier = "trace-7" };
        var failure = new ComplaintStoreException("postgresql", "password authentication failed for user \"complaints_owner\" at db.internal:5432", transient);

        var problem = ((Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult)ComplaintProblems.For(failure, false, http)!).ProblemDetails;

        var traceId = ComplaintProblems.TraceIdOf(http);
        problem.Detail.Should().NotContain("complaints_owner").And.NotContain("db.internal").And.Contain(traceId);
        problem.Extensions.Should().NotContainKey("cause").And.Contain("store", "postgresql").And.Contain("traceId", traceId);
    }

    [Fact]
    public void For_DamagedData_KeepsTheParsersMessageOut_ButAClientErrorKeepsItsExplanation()
    {
        var http = new DefaultHttpContext();

        var damaged = ((Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult)ComplaintProblems.For(new ComplaintDataException(Case, "'x' is an invalid start of a value in \"customerRef\": \"Jane Doe\""), false, http)!).ProblemDetails;
        var invalid = ((Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult)ComplaintProblems.For(new ComplaintValidationException("summary", "must not be empty."), false, http)!).ProblemDetails;

        damaged.Detail.Should().NotContain("Jane Doe");
        damaged.Extensions.Should().NotContainKey("problem").And.ContainKey("caseId");
        invalid.Detail.Should().Contain("must not be empty", "a client's own mistake is explained to it");
    }

    [Fact]
    public void Describe_AnExceptionThatIsNotComplaintFlows_IsLeftToTheApp() =>
        ComplaintProblems.Describe(new InvalidOperationException("not ours"), ifMatchGiven: false).Should().BeNull();

    private static Exception Make(string name) => name switch
    {
        nameof(ComplaintValidationException) => new ComplaintValidationException("summary", "must not be empty."),
        nameof(ComplaintNotFoundException) => new ComplaintNotFoundException(Case),
        nameof(ComplaintAuthorizationException) => new ComplaintAuthorizationException("a-1", "propose", "refunds over GBP 50"),
        nameof(ActionNotPermittedException) => new ActionNotPermittedException(Case, "listen", "propose", ["record-statement"], []),
        nameof(ComplaintConcurrencyException) => new ComplaintConcurrencyException(Case, 2, 3),
        nameof(IdempotencyKeyReusedException) => new IdempotencyKeyReusedException("k-1", Case),
        nameof(Storage.IdempotencyKeyConflictException) => new Storage.IdempotencyKeyConflictException("k-1"),
        nameof(RemedyNotFeasibleException) => new RemedyNotFeasibleException(Case, "out of stock"),
        nameof(EscalationPolicyFailedException) => new EscalationPolicyFailedException("vip", Case, "it threw"),
        nameof(ComplaintDataException) => new ComplaintDataException(Case, "the document is not JSON"),
        "transient " + nameof(ComplaintStoreException) => new ComplaintStoreException("sqlite", "the database is locked", isTransient: true),
        nameof(ComplaintStoreException) => new ComplaintStoreException("sqlite", "the disk is full", isTransient: false),
        nameof(ComplaintProcessDefinitionException) => new ComplaintProcessDefinitionException("no such step"),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such row"),
    };
}

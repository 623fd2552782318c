namespace ComplaintFlow.CustomPolicies;

/// <summary>What the investigation found: the input the <see cref="InvestigateStep"/> needs before it lets the case move on.</summary>
/// <param name="RootCause">What actually went wrong.</param>
/// <param name="SupplierAtFault">Whether a supplier caused it, so purchasing can follow up.</param>
public sealed record Findings(string RootCause, bool SupplierAtFault);

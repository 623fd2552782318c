namespace ComplaintFlow.Outcomes;

/// <summary>
/// The taxonomies outcomes are recorded against. When <see cref="Products"/> (or <see cref="RootCauses"/>) is empty, any
/// code is accepted; when it lists codes, an outcome must use one of them, so returns can be built from them.
/// </summary>
public sealed class OutcomeOptions
{
    /// <summary>The products complaints are about, each with the regulator's group it is reported under.</summary>
    public IList<OutcomeCode> Products { get; } = [];

    /// <summary>The root causes an investigation can find, each with the regulator's group it is reported under.</summary>
    public IList<OutcomeCode> RootCauses { get; } = [];

    /// <summary>
    /// The product an outcome takes when it names none, by the case's category (the first category of the case that is
    /// listed wins): how an app maps its own categories onto the products.
    /// </summary>
    public IDictionary<string, string> ProductByCategory { get; } = new Dictionary<string, string>(StringComparer.Ordinal);
}

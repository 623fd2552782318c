using System.Globalization;
using System.Text;
using Stateless.Reflection;

namespace ComplaintFlow.Process;

/// <summary>
/// Renders a process machine's own description (Stateless <c>GetInfo()</c>) as Mermaid or DOT. Step changes are
/// arrows labelled with the action and its requirements; actions that keep the case in its step are listed inside
/// the step, so the picture stays readable.
/// </summary>
internal static class ProcessDiagram
{
    public static string ToMermaid(StateMachineInfo info)
    {
        var text = new StringBuilder();
        text.Append("stateDiagram-v2\n");
        text.Append("    direction TB\n");
        text.Append(CultureInfo.InvariantCulture, $"    [*] --> {Id(Name(info.InitialState))}\n");
        foreach (var state in info.States.Where(s => s.Superstate is null))
        {
            WriteMermaidState(text, state, "    ");
        }

        foreach (var (from, to, label) in Arrows(info))
        {
            text.Append(CultureInfo.InvariantCulture, $"    {Id(from)} --> {Id(to)} : {label}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"    {Id(StepIds.Closed)} --> [*]\n");
        text.Append(CultureInfo.InvariantCulture, $"    {Id(StepIds.Withdrawn)} --> [*]\n");
        return text.ToString();
    }

    public static string ToDot(StateMachineInfo info)
    {
        var text = new StringBuilder();
        text.Append("digraph ComplaintProcess {\n");
        text.Append("    rankdir=TB;\n");
        text.Append("    compound=true;\n");
        text.Append("    node [shape=Mrecord];\n");
        text.Append("    start [shape=point];\n");
        foreach (var state in info.States.Where(s => s.Superstate is null))
        {
            WriteDotState(text, state, "    ");
        }

        text.Append(CultureInfo.InvariantCulture, $"    start -> \"{Name(info.InitialState)}\";\n");
        foreach (var (from, to, label) in Arrows(info))
        {
            var cluster = info.States.First(s => Name(s) == from).Substates.Any() ? $", ltail=\"cluster_{from}\"" : string.Empty;
            var tail = cluster.Length > 0 ? info.States.First(s => Name(s) == from).Substates.First() : null;
            text.Append(CultureInfo.InvariantCulture, $"    \"{(tail is null ? from : Name(tail))}\" -> \"{to}\" [label=\"{Escape(label)}\"{cluster}];\n");
        }

        text.Append("}\n");
        return text.ToString();
    }

    private static void WriteMermaidState(StringBuilder text, StateInfo state, string indent)
    {
        var name = Name(state);
        text.Append(CultureInfo.InvariantCulture, $"{indent}state \"{name}\" as {Id(name)}");
        if (state.Substates.Any())
        {
            text.Append(" {\n");
            foreach (var sub in state.Substates)
            {
                WriteMermaidState(text, sub, indent + "    ");
            }

            text.Append(CultureInfo.InvariantCulture, $"{indent}}}\n");
        }
        else
        {
            text.Append('\n');
        }

        var stays = StayActions(state);
        if (stays.Length > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{indent}{Id(name)} : {string.Join(", ", stays)}\n");
        }
    }

    private static void WriteDotState(StringBuilder text, StateInfo state, string indent)
    {
        var name = Name(state);
        var stays = StayActions(state);
        if (state.Substates.Any())
        {
            text.Append(CultureInfo.InvariantCulture, $"{indent}subgraph \"cluster_{name}\" {{\n");
            text.Append(CultureInfo.InvariantCulture, $"{indent}    label=\"{name}{(stays.Length > 0 ? "\\n(any step: " + string.Join(", ", stays) + ")" : string.Empty)}\";\n");
            foreach (var sub in state.Substates)
            {
                WriteDotState(text, sub, indent + "    ");
            }

            text.Append(CultureInfo.InvariantCulture, $"{indent}}}\n");
            return;
        }

        var label = stays.Length > 0 ? $"{{{name}|{string.Join("\\n", stays)}}}" : name;
        text.Append(CultureInfo.InvariantCulture, $"{indent}\"{name}\" [label=\"{label}\"];\n");
    }

    private static IEnumerable<(string From, string To, string Label)> Arrows(StateMachineInfo info) =>
        from state in info.States
        from transition in state.FixedTransitions
        let guards = transition.GuardConditionsMethodDescriptions.Select(g => g.Description).ToArray()
        select (Name(state), Name(transition.DestinationState), Trigger(transition) + (guards.Length > 0 ? $" [{string.Join("; ", guards)}]" : string.Empty));

    // Actions that keep the case in its step are ignored triggers in the machine (see ProcessMachine).
    private static string[] StayActions(StateInfo state) =>
        [.. state.IgnoredTriggers.Select(Trigger)];

    private static string Trigger(TransitionInfo transition) => transition.Trigger.UnderlyingTrigger.ToString() ?? string.Empty;

    private static string Name(StateInfo state) => state.UnderlyingState.ToString() ?? string.Empty;

    private static string Id(string name) => name.Replace("-", "_", StringComparison.Ordinal);

    private static string Escape(string label) => label.Replace("\"", "\\\"", StringComparison.Ordinal);
}

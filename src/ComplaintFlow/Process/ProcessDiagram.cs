using Stateless.Graph;
using Stateless.Reflection;

namespace ComplaintFlow.Process;

/// <summary>Renders a process machine's own description (Stateless <c>GetInfo()</c>) as Mermaid or DOT.</summary>
internal static class ProcessDiagram
{
    public static string ToMermaid(StateMachineInfo info) => MermaidGraph.Format(info, MermaidGraphDirection.TopToBottom);

    public static string ToDot(StateMachineInfo info) => UmlDotGraph.Format(info);
}

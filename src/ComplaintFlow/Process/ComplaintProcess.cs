using ComplaintFlow.Steps;
using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace ComplaintFlow.Process;

/// <summary>
/// An immutable definition of the complaint-recovery process: its steps in order, their guidance and extra rules.
/// Use <see cref="Default"/>, or <see cref="CreateBuilder"/> to insert, replace or remove steps.
/// </summary>
public sealed class ComplaintProcess
{
    private readonly FrozenDictionary<string, ProcessStepNode> _byId;
    private readonly FrozenDictionary<string, int> _indexById;
    private ActionCatalog? _actions;

    internal ComplaintProcess(string name, ImmutableArray<ProcessStepNode> steps)
    {
        Name = name;
        Nodes = steps;
        StepIds = [.. steps.Select(s => s.Id)];
        _byId = steps.ToFrozenDictionary(s => s.Id, StringComparer.Ordinal);
        _indexById = steps.Select((s, i) => (s.Id, i)).ToFrozenDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        ReopenTarget = _byId.ContainsKey(Process.StepIds.Listen) ? Process.StepIds.Listen : steps[1].Id;
        Version = string.Create(CultureInfo.InvariantCulture, $"{name}/{StableHash(string.Join('>', StepIds)):x8}");
        Routes = ProcessRoutes.For(steps, ReopenTarget);
        Router = new ProcessRouter(Routes, StepIds);
        Machines = new ProcessMachinePool(CreateMachine);
    }

    /// <summary>The built-in seven-step process: acknowledge, listen, validate, seek resolution, gain agreement, fulfil, follow up.</summary>
    public static ComplaintProcess Default { get; } = new("default", [.. BuiltInGuidance.DefaultOrder.Select(ProcessStepNode.BuiltIn)]);

    /// <summary>Starts a builder from the default process.</summary>
    public static ComplaintProcessBuilder CreateBuilder() => Default.ToBuilder();

    /// <summary>The process's name, chosen with <see cref="ComplaintProcessBuilder.Named"/>.</summary>
    public string Name { get; }

    /// <summary>
    /// Identifies this exact sequence of steps: the name plus a hash of the step ids. Stored on each case opened under it.
    /// </summary>
    public string Version { get; }

    /// <summary>The open steps in order; cases end in <c>closed</c> or <c>withdrawn</c>.</summary>
    public ImmutableArray<string> StepIds { get; }

    internal ImmutableArray<ProcessStepNode> Nodes { get; }

    internal string ReopenTarget { get; }

    internal ImmutableArray<ProcessRoute> Routes { get; }

    internal ProcessRouter Router { get; }

    internal ProcessMachinePool Machines { get; }

    /// <summary>Every action of the process with its command and input schema; built on first use, since schemas cost.</summary>
    internal ActionCatalog Actions => _actions ??= new ActionCatalog(this);

    /// <summary>Starts a builder from this process.</summary>
    public ComplaintProcessBuilder ToBuilder() => new(Name, Nodes);

    /// <summary>True when the step id is one of this process's steps or a terminal state.</summary>
    public bool HasStep(string stepId) =>
        stepId is Process.StepIds.Closed or Process.StepIds.Withdrawn || _byId.ContainsKey(stepId);

    /// <summary>The guidance configured for a step or terminal state.</summary>
    /// <exception cref="ArgumentException">The step is not part of this process.</exception>
    public StepGuidance GetGuidance(string stepId)
    {
        ArgumentNullException.ThrowIfNull(stepId);
        if (_byId.TryGetValue(stepId, out var node))
        {
            return node.Guidance;
        }

        return stepId is Process.StepIds.Closed or Process.StepIds.Withdrawn
            ? BuiltInGuidance.For(stepId)
            : throw new ArgumentException($"Step '{stepId}' is not part of process {Version}.", nameof(stepId));
    }

    /// <summary>What the step declares about itself; <see cref="StepFacts.None"/> for terminal states and unknown ids.</summary>
    public StepFacts GetFacts(string stepId)
    {
        ArgumentNullException.ThrowIfNull(stepId);
        return _byId.TryGetValue(stepId, out var node) ? node.Facts : StepFacts.None;
    }

    /// <summary>The step's position in the process, or -1 for terminal states and unknown ids.</summary>
    internal int IndexOf(string stepId) => _indexById.TryGetValue(stepId, out var index) ? index : -1;

    /// <summary>The custom step with the given id, or <see langword="null"/> when the id is a built-in step or unknown.</summary>
    public ComplaintStep? FindCustomStep(string stepId) =>
        _byId.TryGetValue(stepId, out var node) ? node.Custom : null;

    /// <summary>The process as a Mermaid state diagram, generated from the state machine's own description.</summary>
    public string ToMermaid() => ProcessDiagram.ToMermaid(CreateMachine().GetInfo());

    /// <summary>The process as a Graphviz DOT graph, generated from the state machine's own description.</summary>
    public string ToDot() => ProcessDiagram.ToDot(CreateMachine().GetInfo());

    internal ProcessMachine CreateMachine() => new(Routes, StepIds);

    // FNV-1a: stable across runs and platforms, unlike string.GetHashCode.
    private static uint StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = (hash ^ b) * 16777619u;
        }

        return hash;
    }
}

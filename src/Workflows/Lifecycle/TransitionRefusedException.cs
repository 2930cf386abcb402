namespace BackOffice.Workflows.Lifecycle;

/// <summary>The action is not possible now; <see cref="Reasons"/> says why, in words for a clerk.</summary>
public sealed class TransitionRefusedException : Exception
{
    public TransitionRefusedException(string trigger, string state, IReadOnlyList<string> reasons)
        : base($"'{trigger}' is not possible in state {state}: {string.Join("; ", reasons)}.")
    {
        Trigger = trigger;
        State = state;
        Reasons = reasons;
    }

    public TransitionRefusedException() : this("", "", []) { }

    public TransitionRefusedException(string message) : base(message) => Reasons = [];

    public TransitionRefusedException(string message, Exception innerException) : base(message, innerException) => Reasons = [];

    public string Trigger { get; } = "";
    public string State { get; } = "";
    public IReadOnlyList<string> Reasons { get; } = [];
}

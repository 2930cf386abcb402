using System.Text.Json.Serialization;

namespace BackOffice.Workflows.Lifecycle;

[JsonConverter(typeof(JsonStringEnumConverter<TimerAnchor>))]
public enum TimerAnchor
{
    StateEntered,
    Received,
    Due,
}

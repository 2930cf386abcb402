namespace BackOffice.Workflows.Requests;

public enum RequestChannel
{
    Online,
    Paper,
    /// <summary>Sent by a registered requester organisation's software through the requester API.</summary>
    Api,
}

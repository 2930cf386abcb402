namespace BackOffice.Workflows.Requests;

public enum RequestChannel
{
    Online,
    Paper,
}

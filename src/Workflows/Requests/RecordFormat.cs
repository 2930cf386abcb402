namespace BackOffice.Workflows.Requests;

public enum RecordFormat
{
    Paper,
    Electronic,
}

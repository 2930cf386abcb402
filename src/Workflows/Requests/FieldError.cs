namespace BackOffice.Workflows.Requests;

public sealed record FieldError(string Field, string Message);

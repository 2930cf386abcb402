namespace BackOffice.Web.RequesterApi;

/// <summary>
/// The form's field names ("Patient.FirstName", the names every channel's checks use) as the API's JSON spells them
/// ("patient.firstName"), so each error names the field the caller sent.
/// </summary>
public static class ApiFieldNames
{
    public static string Of(string formField)
    {
        ArgumentNullException.ThrowIfNull(formField);
        return string.Join('.', formField.Split('.').Select(Camel));
    }

    private static string Camel(string segment) =>
        segment.Length == 0 || char.IsLower(segment[0]) ? segment : char.ToLowerInvariant(segment[0]) + segment[1..];
}

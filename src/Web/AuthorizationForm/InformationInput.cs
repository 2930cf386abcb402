using System.ComponentModel.DataAnnotations;
using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Time;

namespace BackOffice.Web.AuthorizationForm;

/// <summary>Section 3 of the form: all records, or a date range, kinds of records and a description.</summary>
public sealed class InformationInput
{
    public bool? AllRecords { get; set; }
    [StringLength(20, ErrorMessage = "Enter the date as 01/01/2020.")] public string? From { get; set; }
    [StringLength(20, ErrorMessage = "Enter the date as 12/31/2024.")] public string? To { get; set; }
    public List<string> RecordTypes { get; set; } = [];
    [StringLength(1000, ErrorMessage = "Use at most {1} characters.")] public string? Description { get; set; }
    /// <summary>The day the records are needed by, if any (asked whatever records are chosen).</summary>
    [StringLength(20, ErrorMessage = "Enter the date as 12/31/2027.")] public string? NeededBy { get; set; }

    /// <summary>True when only some records are asked for and nothing says which.</summary>
    public bool SaysNothingOfWhich => AllRecords == false && string.IsNullOrWhiteSpace(From) && string.IsNullOrWhiteSpace(To)
        && RecordTypes.Count == 0 && string.IsNullOrWhiteSpace(Description);

    /// <summary>What is asked for; only the offered record types are kept, and nothing of a range when all records are.</summary>
    public RequestedInformation ToRequestedInformation()
    {
        var all = AllRecords != false;
        return new RequestedInformation
        {
            AllRecords = all,
            From = all ? null : DateInput.Parse(From),
            To = all ? null : DateInput.Parse(To),
            RecordTypes = all ? [] : [.. RecordTypes.Where(RequestLabels.RecordTypes.Contains).Distinct()],
            Description = all ? null : FormText.Optional(Description),
            NeededBy = DateInput.Parse(NeededBy),
        };
    }
}

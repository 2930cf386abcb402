using System.ComponentModel.DataAnnotations;
using BackOffice.Web.Site;
using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace BackOffice.Web.Pages.Request;

/// <summary>
/// Step 4: which information (all records, or dates, kinds and a description) and one separate, explicit consent per
/// sensitive category; a category left unticked is left out.
/// </summary>
public sealed class InformationModel(WizardStore store, DepartmentClock clock, IOptions<SiteOptions> site)
    : RequestStepModel(RequestStep.Information, store, clock, site)
{
    [BindProperty] public InformationInput Information { get; set; } = new();
    [BindProperty] public ConsentsInput Consents { get; set; } = new();

    protected override void Show(RequestWizardState state)
    {
        Information = state.Information;
        Consents = state.Consents;
    }

    protected override void Keep(RequestWizardState state)
    {
        state.Information = Information;
        state.Consents = Consents;
    }

    public static IEnumerable<FieldError> Check(RequestWizardState state, CheckContext context)
    {
        ArgumentNullException.ThrowIfNull(state);
        var information = state.Information;
        if (information.AllRecords is null) yield return new("Information.AllRecords", "Choose all records or only some records.");
        if (information.AllRecords == false)
        {
            if (!DraftBuilder.IsDateOrBlank(information.From)) yield return new("Information.From", "Enter the first date as a real date, for example 01/01/2020.");
            if (!DraftBuilder.IsDateOrBlank(information.To)) yield return new("Information.To", "Enter the last date as a real date, for example 12/31/2024.");
            if (string.IsNullOrWhiteSpace(information.From) && string.IsNullOrWhiteSpace(information.To)
                && information.RecordTypes.Count == 0 && string.IsNullOrWhiteSpace(information.Description))
                yield return new("Information.RecordTypes", "Say which records you want: dates, kinds of records or a description.");
        }

        var consents = state.Consents;
        if (!consents.Categories.Contains(SensitiveCategory.MentalHealth)) yield break;
        if (!DraftBuilder.IsDateOrBlank(consents.WitnessedOn))
            yield return new("Consents.WitnessedOn", "Enter the date the witness signed as a real date, for example 03/31/2026.");
        // Illinois needs a witness when mental health records go to someone else (740 ILCS 110/5).
        if (state.Kind == RequestKind.Authorization && string.IsNullOrWhiteSpace(consents.WitnessName))
            yield return new("Consents.WitnessName", "Enter the witness's name: mental health records released to someone else need a witness.");
        if (state.Kind == RequestKind.Authorization && string.IsNullOrWhiteSpace(consents.WitnessedOn))
            yield return new("Consents.WitnessedOn", "Enter the date the witness signed.");
    }
}

public sealed class InformationInput
{
    public bool? AllRecords { get; set; }
    [StringLength(20, ErrorMessage = "Enter the date as 01/01/2020.")] public string? From { get; set; }
    [StringLength(20, ErrorMessage = "Enter the date as 12/31/2024.")] public string? To { get; set; }
    public List<string> RecordTypes { get; set; } = [];
    [StringLength(1000, ErrorMessage = "Use at most 1000 characters.")] public string? Description { get; set; }
}

public sealed class ConsentsInput
{
    public List<SensitiveCategory> Categories { get; set; } = [];
    [StringLength(120, ErrorMessage = "Use at most 120 characters.")] public string? WitnessName { get; set; }
    [StringLength(20, ErrorMessage = "Enter the date as 03/31/2026.")] public string? WitnessedOn { get; set; }
}

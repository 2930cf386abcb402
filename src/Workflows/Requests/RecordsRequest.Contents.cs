namespace BackOffice.Workflows.Requests;

/// <summary>
/// What the compiled records actually contain, and what the patient chose to leave out. The release decision withholds a
/// sensitive category only when it is present and not permitted; before the contents are recorded it can only say which
/// categories would be withheld if present.
/// </summary>
public sealed partial class RecordsRequest
{
    private List<SensitiveCategory> _categoriesPresent = [];

    /// <summary>True once the clerk compiling the records recorded which sensitive categories they contain.</summary>
    public bool ContentsRecorded { get; private set; }

    /// <summary>The sensitive categories the compiled records contain (meaningful once <see cref="ContentsRecorded"/>).</summary>
    public IReadOnlyList<SensitiveCategory> CategoriesPresent => _categoriesPresent;

    /// <summary>
    /// The categories the patient (or their representative) chose to leave out of their own access request: the right
    /// of access is to all or part of the designated record set (45 CFR 164.524(a)(1)), the part being theirs to choose.
    /// </summary>
    public IEnumerable<SensitiveCategory> LeftOut =>
        Kind == RequestKind.Access ? _consents.Where(c => !c.Granted).Select(c => c.Category) : [];

    /// <summary>Records which sensitive categories the compiled records contain (none is an answer too).</summary>
    public void RecordContents(IEnumerable<SensitiveCategory> present)
    {
        ArgumentNullException.ThrowIfNull(present);
        _categoriesPresent = [.. present.Where(Enum.IsDefined).Distinct().Order()];
        ContentsRecorded = true;
    }
}

using System.Globalization;

namespace BackOffice.Workflows.Retention;

/// <summary>
/// The retention policy (<c>BackOffice:Retention</c>): how long a closed request keeps its documents and personal data, how
/// long audit rows are kept, whether the daily run only lists what it would remove, and when it runs. Neither period may be
/// shorter than the six years HIPAA requires documentation to be kept: signed authorizations (45 CFR 164.508(b)(6)), the
/// accounting of disclosures (164.528, 164.530(j)) and the audit trail (164.316(b)(2), 164.530(j)(2)).
/// </summary>
public sealed class RetentionOptions
{
    public const string Section = "BackOffice:Retention";

    /// <summary>The legal minimum in years (45 CFR 164.530(j)(2), 164.316(b)(2)(i)).</summary>
    public const int MinimumYears = 6;

    /// <summary>Years after a request closed (and after its authorization's expiry date, if later) before its documents
    /// are deleted and its personal data reduced.</summary>
    public int YearsAfterClosure { get; set; } = 7;

    /// <summary>Years an audit row is kept.</summary>
    public int AuditYears { get; set; } = 7;

    /// <summary>The daily run only lists what it would remove and changes nothing.</summary>
    public bool DryRun { get; set; }

    /// <summary>When the daily run starts, department time (<c>BackOffice:TimeZone</c>).</summary>
    public string RunAt { get; set; } = "02:30";

    public TimeOnly RunTime() =>
        TimeOnly.TryParse(RunAt, CultureInfo.InvariantCulture, out var time)
            ? time
            : throw new InvalidOperationException($"{Section}:RunAt must be a time of day such as 02:30, not \"{RunAt}\".");

    /// <summary>Refuses a policy the law does not allow, naming the setting and why, so the app does not start with it.</summary>
    /// <exception cref="InvalidOperationException">A period shorter than <see cref="MinimumYears"/>, or an unreadable time.</exception>
    public void Validate()
    {
        if (YearsAfterClosure < MinimumYears)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"{Section}:YearsAfterClosure is {YearsAfterClosure}, but it must be at least {MinimumYears}: signed authorizations and the "
                + $"accounting of disclosures must be kept six years (45 CFR 164.508(b)(6), 164.528, 164.530(j)). "
                + $"Set {MinimumYears} or more, or leave it out for the default of 7."));
        }

        if (AuditYears < MinimumYears)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"{Section}:AuditYears is {AuditYears}, but it must be at least {MinimumYears}: the audit trail is documentation HIPAA "
                + $"requires to be kept six years (45 CFR 164.316(b)(2), 164.530(j)). Set {MinimumYears} or more, or leave it out for the default of 7."));
        }

        RunTime();
    }
}

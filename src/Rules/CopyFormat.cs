namespace BackOffice.Rules;

/// <summary>How the copies are made, for an estimate before any page is counted.</summary>
public enum CopyFormat
{
    Paper,
    Electronic,
    Microfiche,
}

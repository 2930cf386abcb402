using BackOffice.Workflows.Requests;

namespace BackOffice.Rules;

/// <summary>
/// A sensitive category the release leaves out, why and on what basis. <see cref="IfPresent"/>: the compiled records'
/// contents are not recorded yet, so the category is withheld only if the records turn out to contain it.
/// </summary>
public sealed record WithheldCategory(SensitiveCategory Category, string Reason, string Basis, bool IfPresent = false);

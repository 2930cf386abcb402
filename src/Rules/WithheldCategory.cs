using BackOffice.Workflows.Requests;

namespace BackOffice.Rules;

public sealed record WithheldCategory(SensitiveCategory Category, string Reason, string Basis);

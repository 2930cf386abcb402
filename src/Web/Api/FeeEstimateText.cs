namespace BackOffice.Web.Api;

/// <summary>The fee estimate's messages to people (<c>FeeEstimateText.resx</c>, <c>FeeEstimateText.es.resx</c>): the /fees page and the API.</summary>
public sealed class FeeEstimateText;

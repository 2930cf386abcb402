namespace BackOffice.Web.Input;

/// <summary>The <see cref="StoredText"/> messages in each language (<c>StoredTextWords.resx</c>, <c>StoredTextWords.es.resx</c>).</summary>
public sealed class StoredTextWords;

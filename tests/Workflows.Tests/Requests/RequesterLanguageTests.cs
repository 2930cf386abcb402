using System.Globalization;
using BackOffice.Workflows.Requests;

namespace BackOffice.Workflows.Tests.Requests;

public sealed class RequesterLanguageTests
{
    [Theory]
    [InlineData("es", "es")]
    [InlineData("ES", "es")]
    [InlineData("es-MX", "es")]
    [InlineData("es_US", "es")]
    [InlineData("en-US", "en")]
    [InlineData("fr", "en")]
    [InlineData("", "en")]
    [InlineData(null, "en")]
    public void Normalize_GivesALanguageMessagesAreWrittenIn(string? given, string expected) =>
        RequesterLanguage.Normalize(given).ShouldBe(expected);

    [Fact]
    public void Of_GivesTheLanguageOfAPageCulture()
    {
        RequesterLanguage.Of(CultureInfo.GetCultureInfo("es-US")).ShouldBe("es");
        RequesterLanguage.Of(CultureInfo.GetCultureInfo("pl")).ShouldBe("en");
    }

    [Fact]
    public void Create_StoresTheDraftsLanguage_Normalized()
    {
        var draft = new Support.RequestDraftBuilder().With(d => d with { Language = "ES" }).Build();

        RecordsRequest.Create(draft, new DateOnly(2026, 3, 2)).Language.ShouldBe("es");
    }
}

using System.Globalization;
using BackOffice.Web.Tests.Documents;
using BackOffice.Web.Tests.Status;
using BackOffice.Web.Tests.Support;
using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Requests;

namespace BackOffice.Web.Tests.RequestDetail;

/// <summary>With the shipped rules: a parent's request for a 15-year-old's records that hold mental-health records.</summary>
public sealed class MinorReviewTests : IAsyncDisposable
{
    private readonly BackOfficeFactory _factory = new();

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    private async Task<RecordsRequest> ParentsRequestCompiledAsync()
    {
        var born = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-15);
        var draft = RequestScenarios.PatientDraft(birthDate: born) with
        {
            Requester = new RequesterDetails
            {
                Type = RequesterType.PersonalRepresentative, Name = "Ana Lopez", Authority = RepresentativeAuthority.ParentOfMinor,
                AuthorityDescription = "Her mother", Email = "ana@example.org",
            },
            Recipient = RequestScenarios.PatientDraft().Recipient with { Type = RequesterType.PersonalRepresentative, Name = "Ana Lopez" },
        };
        var request = await _factory.StartAsync(draft);
        await _factory.FireAsync(request.Id, "Verify", RequestScenarios.Clerk, ("identityChecked", "true"));
        await _factory.FireAsync(request.Id, "StartFulfillment", RequestScenarios.Clerk);
        await _factory.FireAsync(request.Id, "RecordPages", RequestScenarios.Clerk,
            ("contentsChecked", "true"), ("paper", 12.ToString(CultureInfo.InvariantCulture)), ("containsMentalHealth", "true"));
        return request;
    }

    // 740 ILCS 110/4(a)(3): nobody has asked the minor or the therapist yet, so the mental-health records are held for it.
    [Fact]
    public async Task MentalHealthRecordsFound_HoldTheRequest_UntilTheMinorOrTherapistAnswers()
    {
        var request = await ParentsRequestCompiledAsync();

        var held = await _factory.LoadAsync(request.Id);

        held.Decision.ShouldBe(ReleaseDecisionKind.HoldForInformation);
        held.MissingElements.ShouldHaveSingleItem().ShouldContain("was told of the request and objects");
        await Should.ThrowAsync<TransitionRefusedException>(() => _factory.FireAsync(request.Id, "SubmitForReview", RequestScenarios.Clerk));
    }

    [Fact]
    public async Task TheMinorObjects_AndTheTherapistFindsItDetrimental_SoOnlyThoseRecordsAreWithheld()
    {
        var request = await ParentsRequestCompiledAsync();

        await _factory.FireAsync(request.Id, "RecordMinorReview", RequestScenarios.Clerk, ("objection", "Objects"), ("finding", "Detrimental"));

        var decided = await _factory.LoadAsync(request.Id);
        decided.Minor.ShouldBe(new MinorReview { Objection = MinorObjection.Objects, Finding = TherapistFinding.Detrimental });
        decided.Decision.ShouldBe(ReleaseDecisionKind.ReleaseWithWithheld);
        decided.WithheldCategories.ShouldBe([SensitiveCategory.MentalHealth]);
        decided.WithheldReasons.ShouldHaveSingleItem().ShouldContain("may petition a court");
    }

    [Fact]
    public async Task TheMinorWasToldAndDoesNotObject_SoTheParentHasThemAll()
    {
        var request = await ParentsRequestCompiledAsync();

        await _factory.FireAsync(request.Id, "RecordMinorReview", RequestScenarios.Clerk, ("objection", "InformedDoesNotObject"), ("finding", "NotAsked"));

        (await _factory.LoadAsync(request.Id)).Decision.ShouldBe(ReleaseDecisionKind.Release);
    }

    [Fact]
    public async Task RecordMinorReview_IsNotOffered_ForAnAdultPatient()
    {
        var request = await _factory.StartAsync(RequestScenarios.PatientDraft());

        await Should.ThrowAsync<TransitionRefusedException>(() =>
            _factory.FireAsync(request.Id, "RecordMinorReview", RequestScenarios.Clerk, ("objection", "Objects"), ("finding", "Detrimental")));
    }
}

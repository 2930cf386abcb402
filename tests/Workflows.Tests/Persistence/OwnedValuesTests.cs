using BackOffice.Workflows.Persistence;
using BackOffice.Workflows.Tests.Lifecycle;
using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Workflows.Tests.Persistence;

/// <summary>An address is a value of its owner: the patient's and the recipient's never share one tracked object.</summary>
public abstract class OwnedValuesTests : EngineTestsBase
{
    [Fact]
    public async Task CorrectingTheRecipientsAddress_LeavesThePatientsUnchanged_EvenWhenTheDraftSharedOneObject()
    {
        var shared = new PostalAddress { Line1 = "12 Elm St", City = "Naperville", State = "IL", PostalCode = "60540" };
        var draft = new RequestDraftBuilder().With(d => d with
        {
            Patient = d.Patient with { Address = shared },
            Recipient = d.Recipient with { Address = shared },
        }).Build();
        var request = await Harness.StartAsync(draft); // saving would throw if one object were tracked for two owners

        await Harness.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<BackOfficeDbContext>();
            var stored = await db.Requests.SingleAsync(r => r.Id == request.Id);
            stored.CorrectRecipientAddress(new PostalAddress { Line1 = "1 Court Plaza", City = "Chicago", State = "IL", PostalCode = "60601" });
            await db.SaveChangesAsync();
        });

        var reloaded = await Harness.LoadAsync(request.Id);
        reloaded.Recipient.Address.Line1.ShouldBe("1 Court Plaza");
        reloaded.Patient.Address.ShouldBe(shared);
    }

    [Fact]
    public async Task CorrectingAMailedRequestsAddress_RefusesAnIncompleteOne()
    {
        var request = await Harness.StartAsync();

        await Harness.InScopeAsync(async sp =>
        {
            var stored = await sp.GetRequiredService<BackOfficeDbContext>().Requests.SingleAsync(r => r.Id == request.Id);
            Should.Throw<DomainException>(() => stored.CorrectRecipientAddress(new PostalAddress { Line1 = "1 Court Plaza" }))
                .Field.ShouldBe("Recipient.Address");
        });
    }
}

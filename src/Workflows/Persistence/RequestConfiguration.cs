using BackOffice.Workflows.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BackOffice.Workflows.Persistence;

internal sealed class RequestConfiguration : IEntityTypeConfiguration<RecordsRequest>
{
    public void Configure(EntityTypeBuilder<RecordsRequest> builder)
    {
        builder.ToTable("Requests");
        builder.HasKey(r => r.Id);
        // Ids are made in the domain (version-7 GUIDs), so a new child found through a navigation is an insert.
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.TrackingNumber).HasMaxLength(14);
        builder.HasIndex(r => r.TrackingNumber).IsUnique();
        // Idempotent intake: a form's second send finds the first's request; two at once cannot both insert.
        builder.HasIndex(r => r.SubmissionKey).IsUnique();
        builder.Property(r => r.SubmissionFingerprint).HasMaxLength(64);
        // The requester API lists an organisation's requests changed since a moment, keyset-paged on (changed, id).
        builder.HasIndex(r => new { r.RequesterOrganisationId, r.UpdatedAt, r.Id });
        // No foreign key: SQLite could add one only by rebuilding the whole Requests table; organisations are never deleted.
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Property(r => r.State).HasMaxLength(40);
        // Requests made before languages were stored were all in English.
        builder.Property(r => r.Language).HasMaxLength(RequesterLanguage.MaxLength).HasDefaultValue(RequesterLanguage.English);
        builder.Property(r => r.DefinitionName).HasMaxLength(80);
        builder.Property(r => r.AssigneeId).HasMaxLength(64);
        builder.HasIndex(r => new { r.State, r.EffectiveDueOn });
        builder.HasIndex(r => r.EffectiveDueOn);
        builder.HasIndex(r => new { r.AssigneeId, r.State });
        builder.Property(r => r.PatientNameKey).HasMaxLength(210).HasAnnotation(SensitiveFields.Annotation, true);
        // The work queue: open requests, urgent first, then by due date; keyset paging on (priority, due, id).
        builder.HasIndex(r => new { r.QueuePriority, r.EffectiveDueOn, r.Id });
        builder.HasIndex(r => new { r.State, r.QueuePriority, r.EffectiveDueOn, r.Id });
        builder.HasIndex(r => r.PatientNameKey);
        // The queue's "received" sort pages newest-first on (ReceivedOn, Id) without sorting a million rows.
        builder.HasIndex(r => new { r.ReceivedOn, r.Id });
        // The dashboard: requests closed (and completed) in a period.
        builder.HasIndex(r => new { r.QueuePriority, r.ClosedAt });
        builder.HasIndex(r => new { r.State, r.ClosedAt });
        // The retention policy: requests closed before a day, by how far they are reduced. Rows from before it are kept.
        builder.Property(r => r.RetentionStage).HasDefaultValue(Retention.RetentionStage.Kept);
        builder.HasIndex(r => new { r.RetentionStage, r.ClosedAt });

        SensitiveFields.MapPatient(builder.OwnsOne(r => r.Patient));
        SensitiveFields.MapRequester(builder.OwnsOne(r => r.Requester));
        SensitiveFields.MapRecipient(builder.OwnsOne(r => r.Recipient));
        SensitiveFields.MapRequestText(builder);
        SensitiveFields.MapSignature(builder.OwnsOne(r => r.Signature));
        builder.OwnsOne(r => r.Pages);
        builder.OwnsOne(r => r.Deceased);
        builder.OwnsOne(r => r.Minor);
        builder.OwnsMany(r => r.Consents, consent =>
        {
            consent.ToTable("RequestConsents");
            consent.WithOwner().HasForeignKey("RequestId");
            consent.Property<int>("Id");
            consent.HasKey("Id");
        });
        builder.Navigation(r => r.Consents).HasField("_consents");
        builder.OwnsMany(r => r.FeeLines, line =>
        {
            line.ToTable("RequestFeeLines");
            line.WithOwner().HasForeignKey("RequestId");
            line.Property<int>("Id");
            line.HasKey("Id");
        });
        builder.Navigation(r => r.FeeLines).HasField("_feeLines");

        // Read-only collections on the entity; EF reads and writes their backing fields.
        builder.Property(r => r.Locations).HasField("_locations")
            .HasConversion(EnumListConverter<RecordsLocation>(), EnumListComparer<RecordsLocation>());
        builder.Property(r => r.WithheldCategories).HasField("_withheldCategories")
            .HasConversion(EnumListConverter<SensitiveCategory>(), EnumListComparer<SensitiveCategory>());
        // What the requester must still send: the rules' findings or items a clerk typed, stored as JSON and encrypted.
        SensitiveFields.Encrypted(builder.Property(r => r.MissingElements).HasField("_missingElements").HasConversion(
            JsonColumn.Converter<IReadOnlyList<string>, List<string>>(), JsonColumn.Comparer<IReadOnlyList<string>>()), "request.missing-elements", 4000);
        builder.PrimitiveCollection(r => r.WithheldReasons).HasField("_withheldReasons");
        builder.Property(r => r.CategoriesPresent).HasField("_categoriesPresent")
            .HasConversion(EnumListConverter<SensitiveCategory>(), EnumListComparer<SensitiveCategory>());
        builder.Ignore(r => r.LeftOut);
        builder.Ignore(r => r.DeliveredByEmail);
        // Already protected by the host's Data Protection key; still marked, so it is treated as the secret it guards.
        builder.Property(r => r.ProtectedEmailPassphrase).HasMaxLength(1000).HasAnnotation(SensitiveFields.Annotation, true);

        builder.HasMany(r => r.Documents).WithOne().HasForeignKey(d => d.RequestId);
        builder.Navigation(r => r.Documents).HasField("_documents");
        builder.HasMany(r => r.Notes).WithOne().HasForeignKey(n => n.RequestId);
        builder.Navigation(r => r.Notes).HasField("_notes");
        builder.HasMany(r => r.Payments).WithOne().HasForeignKey(p => p.RequestId);
        builder.Navigation(r => r.Payments).HasField("_payments");
        builder.Ignore(r => r.IsThirdPartyRelease);
        builder.Ignore(r => r.AmountPaid);
        builder.Ignore(r => r.BalanceDue);
    }

    // Small enum lists are stored as their names joined by commas: readable, and the same on both providers.
    private static Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<IReadOnlyList<T>, string> EnumListConverter<T>()
        where T : struct, Enum => new(
            list => string.Join(',', list),
            text => text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<T>).ToList());

    private static ValueComparer<IReadOnlyList<T>> EnumListComparer<T>() where T : struct, Enum => new(
        (a, b) => a!.SequenceEqual(b!),
        list => list.Aggregate(0, (hash, item) => HashCode.Combine(hash, item)),
        list => list.ToList());
}

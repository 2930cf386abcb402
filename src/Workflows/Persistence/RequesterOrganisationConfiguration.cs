using BackOffice.Workflows.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BackOffice.Workflows.Persistence;

internal sealed class RequesterOrganisationConfiguration : IEntityTypeConfiguration<RequesterOrganisation>
{
    public void Configure(EntityTypeBuilder<RequesterOrganisation> builder)
    {
        builder.ToTable("RequesterOrganisations");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.Name).HasMaxLength(RequesterOrganisation.NameMaxLength);
        builder.Property(o => o.ContactName).HasMaxLength(120);
        builder.Property(o => o.ContactEmail).HasMaxLength(254);
        builder.Property(o => o.ContactPhone).HasMaxLength(40);
        builder.Property(o => o.AllowedDelivery).HasMaxLength(200);
        builder.Property(o => o.CreatedBy).HasMaxLength(200);
        builder.Ignore(o => o.AllowedDeliveryMethods);
        builder.Property(o => o.WebhookUrl).HasMaxLength(500);
        builder.Property(o => o.ProtectedWebhookSecret).HasMaxLength(2000);
        // A business's address, not a patient's: kept plain.
        builder.OwnsOne(o => o.Address, address =>
        {
            address.Property(a => a.Line1).HasMaxLength(200);
            address.Property(a => a.Line2).HasMaxLength(200);
            address.Property(a => a.City).HasMaxLength(100);
            address.Property(a => a.State).HasMaxLength(50);
            address.Property(a => a.PostalCode).HasMaxLength(20);
        });
    }
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.ToTable("ApiKeys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Id).ValueGeneratedNever();
        builder.Property(k => k.Name).HasMaxLength(ApiKey.NameMaxLength);
        builder.Property(k => k.Prefix).HasMaxLength(20);
        builder.HasIndex(k => k.Prefix).IsUnique(); // a presented key is found by its prefix
        builder.Property(k => k.Hash).HasMaxLength(64);
        builder.Property(k => k.CreatedBy).HasMaxLength(200);
        builder.Property(k => k.RevokedBy).HasMaxLength(200);
        builder.HasIndex(k => k.OrganisationId);
        builder.HasOne<RequesterOrganisation>().WithMany().HasForeignKey(k => k.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.ToTable("WebhookDeliveries");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.EventType).HasMaxLength(60);
        builder.Property(d => d.TrackingNumber).HasMaxLength(14);
        builder.Property(d => d.Error).HasMaxLength(WebhookDelivery.ErrorMaxLength);
        builder.Ignore(d => d.Succeeded);
        // The organisation page shows its newest deliveries.
        builder.HasIndex(d => new { d.OrganisationId, d.Id });
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BackOffice.Workflows.Persistence;

/// <summary>
/// The id (never the key) of a key that values in this database may be encrypted with, so start-up can refuse a
/// configuration that cannot read them before anything is served. <see cref="EncryptedColumns.Plaintext"/> stands for
/// values stored before encryption was introduced, until start-up has encrypted them.
/// </summary>
public sealed class EncryptionKeyRecord
{
    public string KeyId { get; set; } = "";
}

internal sealed class EncryptionKeyRecordConfiguration : IEntityTypeConfiguration<EncryptionKeyRecord>
{
    public void Configure(EntityTypeBuilder<EncryptionKeyRecord> builder)
    {
        builder.ToTable("EncryptionKeys");
        builder.HasKey(k => k.KeyId);
        builder.Property(k => k.KeyId).HasMaxLength(FieldKey.IdLength);
    }
}

using BackOffice.Workflows.Persistence;

namespace BackOffice.Workflows.Tests.Persistence;

public sealed class FieldEncryptionTests
{
    private readonly FieldKey _key = FieldKey.NewRandom();

    [Fact]
    public void Protect_GivesADifferentValueEachTime_ThatReadsBack_AndCarriesTheKeyId()
    {
        var fields = new FieldEncryption(_key);

        var one = fields.Protect("312-555-0142", "patient.phone");
        var two = fields.Protect("312-555-0142", "patient.phone");

        one.ShouldNotBe(two);
        one.ShouldStartWith($"e1.{_key.Id}.");
        // The plain value nowhere in the stored one. (Checking for "555" alone failed by chance: the random key id in the
        // prefix, and the ciphertext, may hold those digits — a CI run drew the key id "a159d5577cf81555".)
        one.ShouldNotContain("312-555-0142");
        FieldEncryption.KeyIdOf(one).ShouldBe(_key.Id);
        fields.Unprotect(one, "patient.phone").ShouldBe("312-555-0142");
        fields.Unprotect(two, "patient.phone").ShouldBe("312-555-0142");
        fields.Unprotect(fields.Protect("", "patient.phone"), "patient.phone").ShouldBe("");
    }

    [Fact]
    public void AValue_DoesNotDecryptInAnotherColumn_OrWhenChanged()
    {
        var fields = new FieldEncryption(_key);
        var stored = fields.Protect("MRN-100", "patient.mrn");

        Should.Throw<FieldEncryptionException>(() => fields.Unprotect(stored, "patient.phone")).Message.ShouldContain("patient.phone");
        var changed = stored[..^4] + (stored[^4] == 'A' ? 'B' : 'A') + stored[^3..];
        Should.Throw<FieldEncryptionException>(() => fields.Unprotect(changed, "patient.mrn"));
        Should.Throw<FieldEncryptionException>(() => fields.Unprotect("MRN-100", "patient.mrn")).Message.ShouldContain("not encrypted");
    }

    [Fact]
    public void AValueUnderAKeyThatIsNotConfigured_FailsNamingTheKey_AndAPreviousKeyStillReadsIt()
    {
        var old = new FieldEncryption(_key);
        var stored = old.Protect("1980-04-12", "patient.date-of-birth");
        var next = FieldKey.NewRandom();

        var refused = Should.Throw<FieldEncryptionException>(() => new FieldEncryption(next).Unprotect(stored, "patient.date-of-birth"));
        refused.Message.ShouldContain(_key.Id);
        refused.Message.ShouldContain("PreviousKeyFiles");

        var rotating = new FieldEncryption(next, [_key]);
        rotating.Unprotect(stored, "patient.date-of-birth").ShouldBe("1980-04-12");
        FieldEncryption.KeyIdOf(rotating.Protect("x", "p")).ShouldBe(next.Id);
    }

    [Fact]
    public void AKeyWithTheSameIdButAnotherSecret_IsRefused_NotReadAsGarbage()
    {
        var stored = new FieldEncryption(_key).Protect("secret", "note.text");
        var impostor = new FieldKey(_key.Id, new byte[FieldKey.SecretBytes]);

        Should.Throw<FieldEncryptionException>(() => new FieldEncryption(impostor).Unprotect(stored, "note.text"));
    }

    [Fact]
    public void SearchHashes_AreStablePerKeyAndPurpose_OnePerConfiguredKey_AndNoneForNoValue()
    {
        var previous = FieldKey.NewRandom();
        var fields = new FieldEncryption(_key, [previous]);
        var day = new DateOnly(1980, 4, 12);

        var hash = fields.Hash(day, "date-of-birth");
        hash.ShouldBe(fields.Hash("1980-04-12", "date-of-birth"));
        hash.Length.ShouldBe(FieldEncryption.HashLength);
        hash.ShouldNotBe(fields.Hash(day.AddDays(1), "date-of-birth"));
        hash.ShouldNotBe(fields.Hash("1980-04-12", "mrn"));
        fields.SearchHashes(day, "date-of-birth").ShouldBe([hash, new FieldEncryption(previous).Hash(day, "date-of-birth")]);
        fields.Hash("  ", "mrn").ShouldBeNull();
        fields.SearchHashes((string?)null, "mrn").ShouldBeEmpty();
    }

    [Fact]
    public void StoredLength_HoldsTheLongestValue_EvenInCharactersOfThreeBytes()
    {
        var fields = new FieldEncryption(_key);

        fields.Protect(new string('€', 254), "patient.email").Length.ShouldBeLessThanOrEqualTo(FieldEncryption.StoredLength(254));
        fields.Protect(new string('a', 10), "x").Length.ShouldBeLessThanOrEqualTo(FieldEncryption.StoredLength(10));
    }
}

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

    [Fact]
    public void ValuesSealedAndOpened_OnManyThreadsAtOnce_UnderKeysTakenInTurn_EachReadBackUnderItsOwnKey()
    {
        // Each thread keeps the cipher of the key it used last; keys taken in turn and threads at once must never mix.
        var current = new FieldEncryption(_key);
        var other = new FieldEncryption(FieldKey.NewRandom());
        var rotating = new FieldEncryption(_key, [other.Current]);
        var failures = 0;

        Parallel.For(0, 4_000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var plain = $"patient-{i}";
            var (writer, wrong) = i % 3 == 0 ? (other, current) : (current, other);
            var stored = writer.Protect(plain, "patient.name");
            if (writer.Unprotect(stored, "patient.name") != plain) Interlocked.Increment(ref failures);
            if (rotating.Unprotect(stored, "patient.name") != plain) Interlocked.Increment(ref failures);
            Should.Throw<FieldEncryptionException>(() => wrong.Unprotect(stored, "patient.name"));
        });

        failures.ShouldBe(0);
    }

    [Fact]
    public async Task EveryValueSealed_HasANonceOfItsOwn_AcrossTheDrawsOfRandomBytes()
    {
        // Nonces come from a block of random bytes drawn once for many values: none may be handed out twice, including
        // across the draws (several blocks' worth here) and on other threads.
        var fields = new FieldEncryption(_key);
        string NonceOf(string stored) => Convert.ToHexString(Convert.FromBase64String(stored[(FieldEncryption.Prefix.Length + FieldKey.IdLength + 1)..])[..12]);

        var here = Enumerable.Range(0, 1_000).Select(_ => NonceOf(fields.Protect("same", "patient.name"))).ToList();
        var elsewhere = await Task.Run(() => Enumerable.Range(0, 1_000).Select(_ => NonceOf(fields.Protect("same", "patient.name"))).ToList());

        here.Concat(elsewhere).Distinct().Count().ShouldBe(2_000);
        here.ShouldNotContain(new string('0', 24), "a nonce handed out is cleared in the block, never handed out as zeros");
    }
}

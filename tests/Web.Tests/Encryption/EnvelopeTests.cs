using System.Security.Cryptography;
using System.Text;
using BackOffice.Web.Encryption;
using BackOffice.Web.Tests.Support;

namespace BackOffice.Web.Tests.Encryption;

public sealed class EnvelopeTests
{
    private readonly KeyEncryptionKey _key = TestEncryption.NewKey("key one");

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(64 * 1024 - 1)]
    [InlineData(64 * 1024)]
    [InlineData(64 * 1024 + 1)]
    [InlineData(200_000)]
    public void Decrypt_ReturnsWhatWasEncrypted_AtChunkBoundaries(int length)
    {
        var encryption = new AtRestEncryption(new KeyRing(_key));
        var plain = RandomNumberGenerator.GetBytes(length);

        var stored = encryption.Encrypt(plain);

        encryption.Decrypt(stored, "test").ShouldBe(plain);
        var chunks = Math.Max(1, (length + 64 * 1024 - 1) / (64 * 1024));
        stored.Length.ShouldBe(80 + length + chunks * 16);
    }

    [Fact]
    public void Encrypt_LeavesNoFileSignatureAndNoPlainText()
    {
        var encryption = new AtRestEncryption(new KeyRing(_key));
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.7\nPatient: Maria Lopez, born 1984-03-12\n%%EOF");

        var stored = encryption.Encrypt(pdf);

        stored.AsSpan().StartsWith("%PDF"u8).ShouldBeFalse();
        Encoding.Latin1.GetString(stored).ShouldNotContain("Maria Lopez");
        Encoding.Latin1.GetString(stored).ShouldNotContain("1984-03-12");
    }

    [Fact]
    public void Decrypt_WithAnotherKey_FailsNamingBothKeys()
    {
        var stored = new AtRestEncryption(new KeyRing(_key)).Encrypt("records"u8);
        var other = TestEncryption.NewKey("key two");

        var refused = Should.Throw<EncryptionKeyException>(() => new AtRestEncryption(new KeyRing(other)).Decrypt(stored, "The file"));

        refused.Message.ShouldContain(_key.Id);
        refused.Message.ShouldContain(other.Id);
        refused.Message.ShouldContain("PreviousKeyFiles");
    }

    [Fact]
    public void Decrypt_OfAnAlteredByte_IsRefused_NotReturned()
    {
        var encryption = new AtRestEncryption(new KeyRing(_key));
        var stored = encryption.Encrypt(RandomNumberGenerator.GetBytes(150_000));
        stored[80 + 70_000] ^= 0x01; // inside the second chunk

        Should.Throw<InvalidDataException>(() => encryption.Decrypt(stored, "The file")).Message.ShouldContain("chunk 2 of 3");
    }

    [Fact]
    public void Decrypt_OfAFileCutAtAChunkBoundary_IsRefused()
    {
        var encryption = new AtRestEncryption(new KeyRing(_key));
        var stored = encryption.Encrypt(RandomNumberGenerator.GetBytes(3 * 64 * 1024));
        var cut = stored[..(80 + 2 * (64 * 1024 + 16))]; // the last chunk dropped: the second is not marked last

        Should.Throw<InvalidDataException>(() => encryption.Decrypt(cut, "The file"));
    }

    [Fact]
    public void Decrypt_OfAPlainFile_IsRefused()
    {
        var encryption = new AtRestEncryption(new KeyRing(_key));

        Should.Throw<InvalidDataException>(() => encryption.Decrypt("%PDF-1.7 plain"u8.ToArray(), "The file")).Message.ShouldContain("not an encrypted");
    }

    [Fact]
    public void Rewrap_ChangesOnlyTheWrappedKey_AndTheNewKeyAloneOpensTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"backoffice-envelope-{Guid.NewGuid():N}");
        try
        {
            var plain = RandomNumberGenerator.GetBytes(100_000);
            File.WriteAllBytes(path, new AtRestEncryption(new KeyRing(_key)).Encrypt(plain));
            var before = File.ReadAllBytes(path);
            var next = TestEncryption.NewKey("key two");
            var rotating = new AtRestEncryption(new KeyRing(next, [_key]));

            rotating.Rewrap(path).ShouldBeTrue();
            rotating.Rewrap(path).ShouldBeFalse();

            var after = File.ReadAllBytes(path);
            after.Length.ShouldBe(before.Length);
            after.AsSpan(76).SequenceEqual(before.AsSpan(76)).ShouldBeTrue(); // the content is not re-encrypted
            after.AsSpan(0, 8).SequenceEqual(before.AsSpan(0, 8)).ShouldBeTrue();
            AtRestEncryption.KeyIdOf(path).ShouldBe(next.Id);
            new AtRestEncryption(new KeyRing(next)).Decrypt(after, "test").ShouldBe(plain);
            Should.Throw<EncryptionKeyException>(() => new AtRestEncryption(new KeyRing(_key)).Decrypt(after, "test"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task EncryptingStream_NotCompleted_LeavesAFileThatDoesNotOpen()
    {
        var encryption = new AtRestEncryption(new KeyRing(_key));
        using var buffer = new MemoryStream();
        await using (var encrypting = encryption.Encrypting(buffer))
        {
            await encrypting.WriteAsync(RandomNumberGenerator.GetBytes(100_000));
        }

        Should.Throw<InvalidDataException>(() => encryption.Decrypt(buffer.ToArray(), "The file"));
    }

    /// <summary>The stream's chunk buffers come from the shared pool: written in uneven pieces over several chunks, the
    /// file still opens to exactly what was written, and a small file written next (on the same, reused buffers) carries
    /// nothing of the large one.</summary>
    [Fact]
    public async Task EncryptingStream_WithPooledBuffers_WritesEachFileWhole_AndNothingOfTheOneBefore()
    {
        var encryption = new AtRestEncryption(new KeyRing(_key));
        var large = RandomNumberGenerator.GetBytes(200_000);
        using var first = new MemoryStream();
        await using (var encrypting = encryption.Encrypting(first))
        {
            for (var at = 0; at < large.Length; at += 30_001)
                await encrypting.WriteAsync(large.AsMemory(at, Math.Min(30_001, large.Length - at)));
            await AtRestEncryption.CompleteAsync(encrypting, CancellationToken.None);
        }

        var small = Encoding.ASCII.GetBytes("%PDF-1.7 small");
        using var second = new MemoryStream();
        await using (var encrypting = encryption.Encrypting(second))
        {
            await encrypting.WriteAsync(small);
            await AtRestEncryption.CompleteAsync(encrypting, CancellationToken.None);
        }

        encryption.Decrypt(first.ToArray(), "The large file").ShouldBe(large);
        second.Length.ShouldBe(80 + small.Length + 16);
        encryption.Decrypt(second.ToArray(), "The small file").ShouldBe(small);
    }

    [Fact]
    public async Task EncryptingStream_OnceDisposed_RefusesWrites_AndMayBeDisposedAgain()
    {
        var encryption = new AtRestEncryption(new KeyRing(_key));
        using var buffer = new MemoryStream();
        var encrypting = encryption.Encrypting(buffer);
        await encrypting.WriteAsync(new byte[10]);

        await encrypting.DisposeAsync();

        encrypting.CanWrite.ShouldBeFalse();
        await Should.ThrowAsync<ObjectDisposedException>(async () => await encrypting.WriteAsync(new byte[10]));
        Should.Throw<ObjectDisposedException>(() => encrypting.Write(new byte[10]));
        await Should.NotThrowAsync(async () => await encrypting.DisposeAsync());
    }
}

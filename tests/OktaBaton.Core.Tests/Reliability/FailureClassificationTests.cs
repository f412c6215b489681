using OktaBaton.Core.SyncFile;
using Xunit;

namespace OktaBaton.Core.Tests.Reliability;

/// <summary>
/// Local failures the operating system really raises get their own stable ids, never OktaUnexpectedError: a full disk,
/// a denied path, a missing directory, a path that is too long.
/// </summary>
[Trait("Suite", "Reliability")]
public sealed class FailureClassificationTests
{
    private static Exception Caught(Action action) => Assert.ThrowsAny<Exception>(action);

    [Fact]
    public void AFullDiskIsOktaDiskFull()
    {
        if (OperatingSystem.IsWindows()) return; // /dev/full is the Unix device that answers every write with ENOSPC
        var error = Caught(() =>
        {
            using var full = new FileStream("/dev/full", FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 1);
            full.Write(new byte[4096]);
            full.Flush();
        });

        var failure = OktaFailure.Classify(error);

        Assert.Equal(("OktaDiskFull", OktaFailureKind.WriteFailed), (failure.ErrorId, failure.Kind));
    }

    [Fact]
    public void APathThatCannotBeOpenedIsOktaFileAccessDenied()
    {
        // opening a directory as a file is refused by every OS, whoever runs the test (root reads any file)
        var error = Caught(() => new FileStream(Path.GetTempPath(), FileMode.Open, FileAccess.Read).Dispose());

        Assert.Equal(("OktaFileAccessDenied", OktaFailureKind.PermissionDenied), (OktaFailure.Classify(error).ErrorId, OktaFailure.Classify(error).Kind));
    }

    [Fact]
    public void AMissingDirectoryAndATooLongPathHaveTheirOwnIds()
    {
        var missing = Caught(() => File.WriteAllText(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "sync.json"), "x"));
        var tooLong = Caught(() => File.WriteAllText(Path.Combine(Path.GetTempPath(), new string('x', 5000)), "x"));

        Assert.Equal("OktaDirectoryNotFound", OktaFailure.Classify(missing).ErrorId);
        Assert.NotEqual(OktaFailure.UnexpectedErrorId, OktaFailure.Classify(tooLong).ErrorId);
        Assert.NotEqual(OktaFailureKind.Unexpected, OktaFailure.Classify(tooLong).Kind);
    }

    [Fact]
    public void ASyncFileWriteThatCannotCreateItsTemporaryFileIsClassified()
    {
        var dir = Directory.CreateTempSubdirectory("oktabaton-rel-classify-").FullName;
        try
        {
            // a file where the writer needs a directory: the temporary files cannot be created
            var blocker = Path.Combine(dir, "not-a-directory");
            File.WriteAllText(blocker, "x");
            var error = Caught(() => SyncFileWriter.Create(Path.Combine(blocker, "sync.json"),
                new SyncFileHeader("s", DateTimeOffset.UnixEpoch, "d", new Model.PropertyBag(), Model.ResourceTypes.All)).Dispose());

            Assert.NotEqual(OktaFailure.UnexpectedErrorId, OktaFailure.Classify(error).ErrorId);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}

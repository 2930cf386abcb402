using System.Globalization;
using BackOffice.Web.PostalMailing;
using BackOffice.Web.Site;
using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Time;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using PdfSharp.Pdf;

namespace BackOffice.Documents.Bench;

/// <summary>
/// Printing the daily mailing batch: 1,000 cover letters and their address labels rendered into one PDF from requests
/// held in memory (the rendering, not the database), against one empty PDF page saved to a stream in the same run.
/// Target: the batch under 10 s.
/// </summary>
[Config(typeof(ShortInProcessConfig))]
[MemoryDiagnoser]
public class MailingBatchBenchmarks
{
    private const int Letters = 1000;
    private static readonly string[] FirstNames = ["Maria", "James", "Zoë", "Ahmed", "Mei", "Olusegun", "Anna", "José", "Priya", "Tomasz"];
    private static readonly string[] LastNames = ["Lopez", "Nowak", "Okafor", "Chen", "Schmidt", "Haddad", "Kowalski", "Murphy", "Ivanova", "Patel"];
    private static readonly string[] Cities = ["Naperville", "Downers Grove", "Wheaton", "Lisle", "Aurora", "Elmhurst", "Glen Ellyn", "Oak Brook"];

    private readonly SiteOptions _site = new();
    private readonly DepartmentClock _clock = new(TimeProvider.System, "America/Chicago");
    private readonly DateOnly _day = new(2026, 3, 5);
    private List<MailingItem> _items = [];

    [GlobalSetup]
    public void Setup()
    {
        _items = Enumerable.Range(0, Letters).Select(i => new MailingItem(Request(i), null)).ToList();
        // A benchmark of a PDF that is not the batch would measure nothing.
        var pages = PdfSharp.Pdf.IO.PdfReader.Open(new MemoryStream(MailingBatchPdf.Render(_site, _day, _clock, _items))).PageCount;
        var expected = Letters + ((Letters + 29) / 30);
        if (pages != expected) throw new InvalidOperationException($"The batch has {pages} pages, not {expected}.");
    }

    [Benchmark(Baseline = true)]
    public long EmptyPage()
    {
        using var document = new PdfDocument();
        document.AddPage();
        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.Length;
    }

    [Benchmark]
    public long Batch1000Letters()
    {
        using var stream = new MemoryStream();
        MailingBatchPdf.Write(stream, _site, _day, _clock, _items);
        return stream.Length;
    }

    /// <summary>A patient's own request for all records, mailed to them, with a varied name, address and page count.</summary>
    private static RecordsRequest Request(int i)
    {
        var name = (First: FirstNames[i % FirstNames.Length], Last: LastNames[i / FirstNames.Length % LastNames.Length]);
        var address = new PostalAddress
        {
            Line1 = string.Create(CultureInfo.InvariantCulture, $"{100 + i} W {1 + (i % 90)}th Street"),
            Line2 = i % 4 == 0 ? "Apt " + (i % 30).ToString(CultureInfo.InvariantCulture) : null,
            City = Cities[i % Cities.Length],
            State = "IL",
            PostalCode = (60500 + (i % 90)).ToString(CultureInfo.InvariantCulture),
        };
        var full = $"{name.First} {name.Last}";
        var request = RecordsRequest.Create(new RecordsRequestDraft
        {
            Channel = RequestChannel.Paper,
            Kind = RequestKind.Access,
            Patient = new PatientDetails { FirstName = name.First, LastName = name.Last, DateOfBirth = new DateOnly(1950 + (i % 60), 1 + (i % 12), 1 + (i % 28)), Address = address },
            Requester = new RequesterDetails { Type = RequesterType.Patient, Name = full },
            Recipient = new RecipientDetails { Type = RequesterType.Patient, Name = full, Address = address },
            Information = new RequestedInformation { AllRecords = true },
            Delivery = DeliveryMethod.Mail,
            Format = RecordFormat.Paper,
            Purpose = RequestPurpose.AtRequestOfIndividual,
            Signature = new SignatureDetails { SignerName = full, SignedOn = new DateOnly(2026, 2, 1) },
        }, new DateOnly(2026, 2, 2));
        request.RecordPages(new PageCounts { Paper = 5 + (i % 200) }, 0m);
        return request;
    }
}

/// <summary>
/// A short job run inside the host process (started with <c>-c Release</c>): a separate build of the web project for the
/// benchmark exceeds BenchmarkDotNet's two-minute build timeout on the project's shared 2-core machine, and a
/// second-long operation needs no process isolation to be measured.
/// </summary>
public sealed class ShortInProcessConfig : ManualConfig
{
    public ShortInProcessConfig() => AddJob(Job.Default
        .WithToolchain(InProcessEmitToolchain.Instance)
        .WithStrategy(RunStrategy.Throughput)
        .WithLaunchCount(1)
        .WithWarmupCount(2)
        .WithIterationCount(5));
}

using BackOffice.Workflows.Requests;

namespace BackOffice.Web.AuthorizationForm;

/// <summary>
/// How a filled-in authorization form reaches the department, and what that decides about checking and reading it.
/// </summary>
public sealed record FormChannel
{
    /// <summary>The online request: the requester answers now and signs by typing their name.</summary>
    public static readonly FormChannel Online = new(RequestChannel.Online, keyedAsWritten: false, signsElectronically: true, printsRequiredStatements: true);

    /// <summary>A paper form keyed in by a clerk as written, with the date it was signed by hand.</summary>
    public static readonly FormChannel Paper = new(RequestChannel.Paper, keyedAsWritten: true, signsElectronically: false, printsRequiredStatements: false);

    /// <summary>
    /// The requester API: a registered organisation's software sends the form as it was signed by hand (the signed PDF
    /// comes with it), and is answering now, so what the online form asks up front is asked here too.
    /// </summary>
    public static readonly FormChannel Api = new(RequestChannel.Api, keyedAsWritten: false, signsElectronically: false, printsRequiredStatements: false);

    private FormChannel(RequestChannel channel, bool keyedAsWritten, bool signsElectronically, bool printsRequiredStatements)
    {
        Channel = channel;
        KeyedAsWritten = keyedAsWritten;
        SignsElectronically = signsElectronically;
        PrintsRequiredStatements = printsRequiredStatements;
    }

    public RequestChannel Channel { get; }

    /// <summary>
    /// True on paper: the clerk keys in what the form says and nothing more, and the release rules hold the request for
    /// what it lacks (purpose, expiry, which records) or redirect another facility's records, with a letter. Where the
    /// requester is answering now, those are asked for up front instead: a hold costs them a letter and weeks.
    /// </summary>
    public bool KeyedAsWritten { get; }

    /// <summary>Signed by typing a name and agreeing that it is a signature, dated by the server; else signed by hand on a date.</summary>
    public bool SignsElectronically { get; }

    /// <summary>The online form prints the 45 CFR 164.508(c)(2) statements above every authorization's signature; a paper form may lack them.</summary>
    public bool PrintsRequiredStatements { get; }
}

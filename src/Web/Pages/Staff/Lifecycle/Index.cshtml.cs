using BackOffice.Web.Http;
using BackOffice.Workflows.Lifecycle;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NetEscapades.AspNetCore.SecurityHeaders;

namespace BackOffice.Web.Pages.Staff.Lifecycle;

/// <summary>Each lifecycle definition version as a diagram (the engine's Mermaid export), for staff to read.</summary>
[SecurityHeadersPolicy(SecurityHeaderPolicies.Diagrams)]
public sealed class IndexModel(DefinitionRegistry definitions, MachineBuilder machines) : PageModel
{
    public IReadOnlyList<Diagram> Diagrams { get; private set; } = [];

    public void OnGet() => Diagrams = definitions.All
        .OrderBy(d => d.Name, StringComparer.Ordinal).ThenByDescending(d => d.Version)
        .Select(d => new Diagram(d.Name, d.Version, d.States.Count, d.Transitions.Count, machines.ToMermaid(d)))
        .ToList();

    public sealed record Diagram(string Name, int Version, int States, int Transitions, string Mermaid);
}

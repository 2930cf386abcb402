using BackOffice.Web.Http;
using BackOffice.Workflows.Lifecycle;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NetEscapades.AspNetCore.SecurityHeaders;

namespace BackOffice.Web.Pages.Staff.Lifecycle;

/// <summary>
/// Each lifecycle definition version, newest first, phase by phase: a small diagram per phase (drawn by mermaid in the
/// browser) and every state with its actions, conditions, messages and timers in words, so the page reads at a normal
/// screen size and without the diagrams.
/// </summary>
[SecurityHeadersPolicy(SecurityHeaderPolicies.Diagrams)]
public sealed class IndexModel(DefinitionRegistry definitions, GuardCatalog guards, ActivityCatalog activities) : PageModel
{
    public IReadOnlyList<LifecycleVersionView> Versions { get; private set; } = [];

    public void OnGet()
    {
        var builder = new LifecycleViewBuilder(guards, activities);
        Versions = [.. definitions.All.OrderBy(d => d.Name, StringComparer.Ordinal).ThenByDescending(d => d.Version).Select(builder.Build)];
    }
}

using NetEscapades.AspNetCore.SecurityHeaders.Headers.ContentSecurityPolicy;

namespace BackOffice.Web.Http;

/// <summary>
/// The security headers every response carries (NetEscapades.AspNetCore.SecurityHeaders), and the few pages that need
/// a looser one. No page has an inline script, so no policy allows one; the pages that cannot avoid inline styles
/// say why below.
/// </summary>
public static class SecurityHeaderPolicies
{
    /// <summary>The lifecycle diagrams: mermaid writes a &lt;style&gt; element into each SVG it draws.</summary>
    public const string Diagrams = "Diagrams";

    /// <summary>The Hangfire dashboard: its pages use inline style attributes (its scripts are files).</summary>
    public const string JobsDashboard = "JobsDashboard";

    /// <summary>The requester API's reference page: Scalar writes its styles into the page (its scripts are files).</summary>
    public const string ApiReference = "ApiReference";

    /// <summary>A stored e-mail's HTML part, shown inside the message viewer's sandboxed frame: nothing in it may run or load.</summary>
    public const string SandboxedMessage = "SandboxedMessage";

    private const string ChosenPolicy = "BackOffice.SecurityHeaders.Policy";

    /// <summary>Makes this response use the named policy (for a handler of a page whose other handlers use the default).</summary>
    public static void Use(HttpContext context, string policyName)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Items[ChosenPolicy] = policyName;
    }

    public static IServiceCollection AddBackOfficeSecurityHeaders(this IServiceCollection services, bool requireHttps, int hstsDays)
    {
        services.AddSecurityHeaderPolicies()
            .SetDefaultPolicy(policy => Common(policy, requireHttps, hstsDays).AddContentSecurityPolicy(csp => Strict(csp, requireHttps)))
            .AddPolicy(Diagrams, policy => Common(policy, requireHttps, hstsDays).AddContentSecurityPolicy(csp =>
            {
                Strict(csp, requireHttps);
                csp.AddStyleSrc().Self().UnsafeInline();
            }))
            .AddPolicy(JobsDashboard, policy => Common(policy, requireHttps, hstsDays).AddContentSecurityPolicy(csp =>
            {
                Strict(csp, requireHttps);
                csp.AddStyleSrc().Self().UnsafeInline();
            }))
            .AddPolicy(ApiReference, policy => Common(policy, requireHttps, hstsDays).AddContentSecurityPolicy(csp =>
            {
                Strict(csp, requireHttps);
                csp.AddStyleSrc().Self().UnsafeInline();
            }))
            .AddPolicy(SandboxedMessage, policy => Common(policy, requireHttps, hstsDays)
                .AddFrameOptionsSameOrigin()
                .AddContentSecurityPolicy(csp =>
                {
                    csp.AddDefaultSrc().None();
                    csp.AddStyleSrc().UnsafeInline(); // e-mail HTML styles itself inline; scripts stay blocked by default-src
                    csp.AddFrameAncestors().Self();
                    csp.AddSandbox(); // no scripts, forms or popups even if the frame is opened on its own
                }))
            .SetPolicySelector(context => context.HttpContext.Items.TryGetValue(ChosenPolicy, out var name) && name is string chosen
                && context.ConfiguredPolicies.TryGetValue(chosen, out var policy) ? policy : context.SelectedPolicy);
        return services;
    }

    private static HeaderPolicyCollection Common(HeaderPolicyCollection policy, bool requireHttps, int hstsDays)
    {
        policy.AddFrameOptionsDeny()
            .AddContentTypeOptionsNoSniff()
            .AddReferrerPolicySameOrigin() // our own pages may see where a visitor came from; no other site does
            .AddPermissionsPolicyWithDefaultSecureDirectives()
            .AddCrossOriginOpenerPolicy(coop => coop.SameOrigin())
            .AddCrossOriginResourcePolicy(corp => corp.SameOrigin())
            .RemoveServerHeader();
        if (requireHttps) policy.AddStrictTransportSecurityMaxAgeIncludeSubDomains(maxAgeInSeconds: hstsDays * 24 * 60 * 60);
        return policy;
    }

    // Scripts and styles only from files this app serves; no inline script anywhere, no eval, no plugins, no framing.
    private static void Strict(CspBuilder csp, bool requireHttps)
    {
        csp.AddDefaultSrc().Self();
        csp.AddScriptSrc().Self();
        csp.AddStyleSrc().Self();
        csp.AddImgSrc().Self().Data();
        csp.AddFontSrc().Self();
        csp.AddConnectSrc().Self();
        csp.AddFrameSrc().Self(); // the message viewer's sandboxed frame
        csp.AddObjectSrc().None();
        csp.AddBaseUri().Self();
        csp.AddFormAction().Self();
        csp.AddFrameAncestors().None();
        if (requireHttps) csp.AddUpgradeInsecureRequests();
    }
}

using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Routing.Patterns;

namespace BackOffice.Web.Tests.Support;

/// <summary>Sample addresses for the app's route patterns, so tests can visit every endpoint the app maps.</summary>
public static class EndpointSamples
{
    /// <summary>The route with sample values: a new Guid for {id:guid}, 1 for {version:int}, "fees.json" for {file}.</summary>
    public static string Sample(RoutePattern pattern)
    {
        var parts = new List<string>();
        foreach (var segment in pattern.PathSegments)
        {
            var text = new StringBuilder();
            foreach (var part in segment.Parts)
            {
                switch (part)
                {
                    case RoutePatternLiteralPart literal:
                        text.Append(literal.Content);
                        break;
                    case RoutePatternSeparatorPart separator:
                        text.Append(separator.Content);
                        break;
                    case RoutePatternParameterPart parameter:
                        text.Append(SampleValue(parameter));
                        break;
                }
            }

            parts.Add(text.ToString());
        }

        return string.Join('/', parts.Where(p => p.Length > 0));
    }

    private static string SampleValue(RoutePatternParameterPart parameter)
    {
        var constraints = parameter.ParameterPolicies.Select(p => p.Content ?? "").ToList();
        if (constraints.Exists(c => c.StartsWith("guid", StringComparison.OrdinalIgnoreCase))) return Guid.NewGuid().ToString();
        if (constraints.Exists(c => c.StartsWith("int", StringComparison.OrdinalIgnoreCase) || c.StartsWith("long", StringComparison.OrdinalIgnoreCase)))
            return "1";
        if (parameter.Name.Equals("file", StringComparison.OrdinalIgnoreCase)) return "fees.json";
        if (parameter.Name.Contains("id", StringComparison.OrdinalIgnoreCase)) return Guid.NewGuid().ToString();
        return 1.ToString(CultureInfo.InvariantCulture);
    }

}

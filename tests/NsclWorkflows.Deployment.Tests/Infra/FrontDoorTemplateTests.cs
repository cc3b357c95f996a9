using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NsclWorkflows.Api.Applications;
using NsclWorkflows.Deployment.Tests.Support;

namespace NsclWorkflows.Deployment.Tests.Infra;

/// <summary>
/// The optional Front Door (main.bicep's frontDoor): off by default; when on, a WAF policy in Prevention mode with the
/// managed rules and per-client rate limits on submissions, uploads and access-token requests, and a Function App that
/// takes traffic only from this Front Door profile.
/// </summary>
public sealed class FrontDoorTemplateTests
{
    [Fact]
    public async Task FrontDoor_ByDefault_IsNotDeployedAndTheAppTakesTrafficFromAnywhere()
    {
        var deployment = await SecureDefaultsTests.DeployAsync();

        Assert.Empty(deployment.OfType("Microsoft.Cdn/profiles"));
        Assert.Empty(deployment.OfType("Microsoft.Network/FrontDoorWebApplicationFirewallPolicies"));
        var siteConfig = Assert.Single(deployment.OfType("Microsoft.Web/sites")).Properties["siteConfig"]!;
        Assert.Equal("Allow", siteConfig["ipSecurityRestrictionsDefaultAction"]!.GetValue<string>());
        Assert.Null(siteConfig["ipSecurityRestrictions"]);
    }

    [Fact]
    public async Task Waf_WithFrontDoorOn_IsInPreventionModeWithManagedRulesOnEveryRequest()
    {
        var deployment = await SecureDefaultsTests.DeployAsync(("frontDoor", true));

        var waf = Assert.Single(deployment.OfType("Microsoft.Network/FrontDoorWebApplicationFirewallPolicies"));
        var settings = waf.Properties["policySettings"]!;
        Assert.Equal("Enabled", settings["enabledState"]!.GetValue<string>());
        Assert.Equal("Prevention", settings["mode"]!.GetValue<string>());
        Assert.Equal("Enabled", settings["requestBodyCheck"]!.GetValue<string>());
        Assert.Equal("Premium_AzureFrontDoor", waf.Body["sku"]!["name"]!.GetValue<string>());
        var ruleSets = waf.Properties["managedRules"]!["managedRuleSets"]!.AsArray().Select(r => r!["ruleSetType"]!.GetValue<string>());
        Assert.Contains("Microsoft_DefaultRuleSet", ruleSets);
        Assert.Contains("Microsoft_BotManagerRuleSet", ruleSets);

        var association = Assert.Single(Assert.Single(deployment.OfType("Microsoft.Cdn/profiles/securityPolicies")).Properties["parameters"]!["associations"]!.AsArray())!;
        Assert.Equal(["/*"], association["patternsToMatch"]!.AsArray().Select(p => p!.GetValue<string>()));
    }

    [Fact]
    public async Task Waf_WithStandardFrontDoor_KeepsTheRateLimits()
    {
        var deployment = await SecureDefaultsTests.DeployAsync(("frontDoor", true), ("frontDoorSku", "Standard_AzureFrontDoor"));

        var waf = Assert.Single(deployment.OfType("Microsoft.Network/FrontDoorWebApplicationFirewallPolicies"));
        Assert.Empty(waf.Properties["managedRules"]!["managedRuleSets"]!.AsArray());
        Assert.Equal(4, RateLimitRules(waf).Count);
        Assert.Equal("Prevention", waf.Properties["policySettings"]!["mode"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("POST", "/api/applications", "SubmissionsPerClient")]
    [InlineData("POST", "/api/Applications/", "SubmissionsPerClient")]
    [InlineData("POST", "https://fde-x.azurefd.net/api/applications?draft=1", "SubmissionsPerClient")]
    [InlineData("POST", "/api/applications/3f2a/attachments", "UploadsPerClient")]
    [InlineData("POST", "https://fde-x.azurefd.net/api/applications/3f2a/attachments?x=1", "UploadsPerClient")]
    public async Task RateLimits_WithFrontDoorOn_CountTheRequestPerClientAddress(string method, string uri, string rule)
    {
        var waf = await WafAsync();

        var matching = RateLimitRules(waf).Where(r => Matches(r, method, uri, headers: [])).Select(r => r["name"]!.GetValue<string>()).ToList();

        Assert.Contains(rule, matching);
        var limit = RateLimitRules(waf).Single(r => r["name"]!.GetValue<string>() == rule);
        Assert.Equal("Block", limit["action"]!.GetValue<string>());
        Assert.Equal("SocketAddr", Assert.Single(limit["groupBy"]!.AsArray())!["variableName"]!.GetValue<string>());
        Assert.InRange(limit["rateLimitThreshold"]!.GetValue<long>(), 10, 100);
    }

    [Theory]
    [InlineData("GET", "/api/applications")]
    [InlineData("POST", "/api/applications/3f2a/actions/approve")]
    [InlineData("GET", "/api/applications/3f2a/attachments/a.pdf")]
    [InlineData("POST", "/api/applications/3f2a/documents")]
    public async Task RateLimits_WithFrontDoorOn_LeaveOtherRequestsToTheGeneralCeiling(string method, string uri)
    {
        var waf = await WafAsync();

        var matching = RateLimitRules(waf).Where(r => Matches(r, method, uri, headers: [])).Select(r => r["name"]!.GetValue<string>());

        Assert.Equal(["ApiPerClient"], matching);
    }

    [Fact]
    public async Task RateLimits_WithFrontDoorOn_CountEveryRequestThatCarriesAnAccessToken()
    {
        var waf = await WafAsync();

        var rules = RateLimitRules(waf);
        var withToken = rules.Where(r => Matches(r, "GET", "/api/applications/3f2a", new() { [GetApplicationHandler.AccessTokenHeader] = "v1.abc" }));
        var withoutToken = rules.Where(r => Matches(r, "GET", "/api/applications/3f2a", headers: []));

        Assert.Contains("AccessTokenPerClient", withToken.Select(r => r["name"]!.GetValue<string>()));
        Assert.DoesNotContain("AccessTokenPerClient", withoutToken.Select(r => r["name"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData(false, "1")]
    [InlineData(true, "2")]
    public async Task RateLimits_ClientAddress_IsTheEntryTheOuterProxyAppended(bool frontDoor, string hops)
    {
        // Behind Front Door the last X-Forwarded-For entry is Front Door's own address: counting it would put every
        // client in one bucket. The app must read one entry further left, and only then.
        var deployment = await SecureDefaultsTests.DeployAsync(("frontDoor", frontDoor));

        var settings = deployment.OfType("Microsoft.Web/sites/config").Single(c => c.Name.Contains("appsettings", StringComparison.Ordinal)).Properties;
        Assert.Equal(hops, settings["Nscl__RateLimits__ForwardedForHops"]!.GetValue<string>());
    }

    [Fact]
    public async Task FunctionApp_WithFrontDoorOn_TakesTrafficOnlyFromThisFrontDoorProfile()
    {
        var deployment = await SecureDefaultsTests.DeployAsync(("frontDoor", true));

        var siteConfig = Assert.Single(deployment.OfType("Microsoft.Web/sites")).Properties["siteConfig"]!;
        Assert.Equal("Deny", siteConfig["ipSecurityRestrictionsDefaultAction"]!.GetValue<string>());
        var rule = Assert.Single(siteConfig["ipSecurityRestrictions"]!.AsArray())!;
        Assert.Equal("Allow", rule["action"]!.GetValue<string>());
        Assert.Equal("ServiceTag", rule["tag"]!.GetValue<string>());
        Assert.Equal("AzureFrontDoor.Backend", rule["ipAddress"]!.GetValue<string>());
        // Any Front Door comes from that service tag: only this profile's id lets a request through.
        var frontDoorIds = rule["headers"]!["x-azure-fdid"]!.AsArray();
        Assert.Contains("outputs.frontDoorId", Assert.Single(frontDoorIds)!.GetValue<string>(), StringComparison.Ordinal);
        // The deployment endpoint keeps its own rules (Entra ID only), so azd deploy still works from a developer's machine.
        Assert.False(siteConfig["scmIpSecurityRestrictionsUseMain"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Routes_WithFrontDoorOn_SendTheApiAndSignInToTheAppAndTheRestToThePages()
    {
        var deployment = await SecureDefaultsTests.DeployAsync(("frontDoor", true));

        var routes = deployment.OfType("Microsoft.Cdn/profiles/afdEndpoints/routes")
            .ToDictionary(r => r.Name.Split('/')[^1].Trim('\'', ')', ']'), r => r.Properties);
        Assert.Equal(["/api/*", "/.auth/*"], routes.Single(r => r.Key.Contains("api", StringComparison.Ordinal)).Value["patternsToMatch"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.Equal(["/*"], routes.Single(r => r.Key.Contains("web", StringComparison.Ordinal)).Value["patternsToMatch"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.All(routes.Values, route => Assert.Equal("HttpsOnly", route["forwardingProtocol"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Authentication_WithFrontDoorOn_RedirectsToTheForwardedHost()
    {
        var deployment = await SecureDefaultsTests.DeployAsync(("frontDoor", true), ("authClientId", "00000000-0000-0000-0000-000000000001"));

        var auth = deployment.OfType("Microsoft.Web/sites/config").Single(c => c.Name.Contains("'authsettingsV2'", StringComparison.Ordinal));
        Assert.Equal("Standard", auth.Properties["httpSettings"]!["forwardProxy"]!["convention"]!.GetValue<string>());
    }

    static async Task<DeployedResource> WafAsync() =>
        Assert.Single((await SecureDefaultsTests.DeployAsync(("frontDoor", true))).OfType("Microsoft.Network/FrontDoorWebApplicationFirewallPolicies"));

    static List<JsonNode> RateLimitRules(DeployedResource waf) =>
        waf.Properties["customRules"]!["rules"]!.AsArray().Select(r => r!).Where(r => r["ruleType"]!.GetValue<string>() == "RateLimitRule").ToList();

    /// <summary>Whether every match condition of the rule holds for the request (the operators the policy uses).</summary>
    static bool Matches(JsonNode rule, string method, string uri, Dictionary<string, string> headers) =>
        rule["matchConditions"]!.AsArray().All(condition =>
        {
            string? input = condition!["matchVariable"]!.GetValue<string>() switch
            {
                "RequestMethod" => method,
                "RequestUri" => uri,
                "RequestHeader" => headers.GetValueOrDefault(condition["selector"]!.GetValue<string>()),
                var other => throw new NotSupportedException(other),
            };
            if (condition["transforms"]?.AsArray().Any(t => t!.GetValue<string>() == "Lowercase") == true)
            {
                input = input?.ToLowerInvariant();
            }

            var values = condition["matchValue"]!.AsArray().Select(v => v!.GetValue<string>());
            var matched = input is not null && condition["operator"]!.GetValue<string>() switch
            {
                "Equal" => values.Contains(input, StringComparer.Ordinal),
                "Contains" => values.Any(v => input.Contains(v, StringComparison.Ordinal)),
                "RegEx" => values.Any(v => Regex.IsMatch(input, v)),
                var other => throw new NotSupportedException(other),
            };
            return matched != condition["negateCondition"]!.GetValue<bool>();
        });
}

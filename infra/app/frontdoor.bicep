// Optional (main.bicep's frontDoor): Azure Front Door with a WAF policy in front of the Function App and the web pages.
// This module holds the profile, its endpoint and the WAF; frontdoor-routes.bicep adds the origins and routes once the
// app exists (the app needs this profile's id for its access restriction, so the two cannot be one module).
//
// The WAF adds, at the edge and across every instance of the app, what the app's own rate limits (per instance, in
// memory) cannot: per client address limits on submissions, uploads and requests that carry an access token, and, on
// Premium, Microsoft's managed rule sets (OWASP-style attacks, known bad bots).
param profileName string
param endpointName string
param wafPolicyName string
param tags object

@description('Standard_AzureFrontDoor: custom rules (rate limits) only. Premium_AzureFrontDoor: also the managed rule sets.')
@allowed(['Standard_AzureFrontDoor', 'Premium_AzureFrontDoor'])
param sku string

@description('The header that carries an enterprise\'s access token (GetApplicationHandler.AccessTokenHeader).')
param accessTokenHeader string = 'X-Access-Token'

var premium = sku == 'Premium_AzureFrontDoor'

// Rate limits per client address (the socket address Front Door sees). They sit above what an honest enterprise or
// officer needs and below what a script needs: the app's own limits answer first, with Retry-After; these catch what
// spreads over several instances. Front Door counts per point of presence, so a client may get a little past a threshold
// before it is blocked. Paths are matched on the lower-cased request URI, ignoring any query string.
var submissionsPerFiveMinutes = 10
var uploadsPerFiveMinutes = 60
var accessTokenRequestsPerMinute = 120
var apiRequestsPerMinute = 600

resource profile 'Microsoft.Cdn/profiles@2024-02-01' = {
  name: profileName
  location: 'global'
  tags: tags
  sku: { name: sku }
  properties: {
    originResponseTimeoutSeconds: 120
  }
}

resource endpoint 'Microsoft.Cdn/profiles/afdEndpoints@2024-02-01' = {
  parent: profile
  name: endpointName
  location: 'global'
  tags: tags
  properties: {
    enabledState: 'Enabled'
  }
}

resource waf 'Microsoft.Network/FrontDoorWebApplicationFirewallPolicies@2024-02-01' = {
  name: wafPolicyName
  location: 'Global'
  tags: tags
  sku: { name: sku }
  properties: {
    policySettings: {
      enabledState: 'Enabled'
      mode: 'Prevention'
      requestBodyCheck: 'Enabled'
      // One status for every block: the rate limits are what honest users may meet.
      customBlockResponseStatusCode: 429
      customBlockResponseBody: base64('Yêu cầu đã bị chặn vì gửi quá nhiều yêu cầu trong thời gian ngắn hoặc có nội dung không hợp lệ. Vui lòng thử lại sau ít phút.')
    }
    customRules: {
      rules: [
        {
          // New applications: each sends a receipt e-mail and starts a workflow.
          name: 'SubmissionsPerClient'
          priority: 10
          enabledState: 'Enabled'
          ruleType: 'RateLimitRule'
          rateLimitDurationInMinutes: 5
          rateLimitThreshold: submissionsPerFiveMinutes
          groupBy: [{ variableName: 'SocketAddr' }]
          action: 'Block'
          matchConditions: [
            { matchVariable: 'RequestMethod', operator: 'Equal', negateCondition: false, matchValue: ['POST'] }
            {
              matchVariable: 'RequestUri'
              operator: 'RegEx'
              negateCondition: false
              matchValue: ['/api/applications/?(\\?.*)?$']
              transforms: ['Lowercase']
            }
          ]
        }
        {
          // Uploads (up to 20 files per application).
          name: 'UploadsPerClient'
          priority: 20
          enabledState: 'Enabled'
          ruleType: 'RateLimitRule'
          rateLimitDurationInMinutes: 5
          rateLimitThreshold: uploadsPerFiveMinutes
          groupBy: [{ variableName: 'SocketAddr' }]
          action: 'Block'
          matchConditions: [
            { matchVariable: 'RequestMethod', operator: 'Equal', negateCondition: false, matchValue: ['POST'] }
            {
              matchVariable: 'RequestUri'
              operator: 'RegEx'
              negateCondition: false
              matchValue: ['/api/applications/[^/?]+/attachments/?(\\?.*)?$']
              transforms: ['Lowercase']
            }
          ]
        }
        {
          // Any request that carries an access token: guessing or replaying enterprises' links.
          name: 'AccessTokenPerClient'
          priority: 30
          enabledState: 'Enabled'
          ruleType: 'RateLimitRule'
          rateLimitDurationInMinutes: 1
          rateLimitThreshold: accessTokenRequestsPerMinute
          groupBy: [{ variableName: 'SocketAddr' }]
          action: 'Block'
          matchConditions: [
            { matchVariable: 'RequestHeader', selector: accessTokenHeader, operator: 'RegEx', negateCondition: false, matchValue: ['.+'] }
          ]
        }
        {
          // A ceiling on every API request from one address.
          name: 'ApiPerClient'
          priority: 40
          enabledState: 'Enabled'
          ruleType: 'RateLimitRule'
          rateLimitDurationInMinutes: 1
          rateLimitThreshold: apiRequestsPerMinute
          groupBy: [{ variableName: 'SocketAddr' }]
          action: 'Block'
          matchConditions: [
            {
              matchVariable: 'RequestUri'
              operator: 'Contains'
              negateCondition: false
              matchValue: ['/api/']
              transforms: ['Lowercase']
            }
          ]
        }
      ]
    }
    managedRules: {
      managedRuleSets: premium
        ? [
            { ruleSetType: 'Microsoft_DefaultRuleSet', ruleSetVersion: '2.1', ruleSetAction: 'Block' }
            { ruleSetType: 'Microsoft_BotManagerRuleSet', ruleSetVersion: '1.0' }
          ]
        : []
    }
  }
}

resource securityPolicy 'Microsoft.Cdn/profiles/securityPolicies@2024-02-01' = {
  parent: profile
  name: 'waf'
  properties: {
    parameters: {
      type: 'WebApplicationFirewall'
      wafPolicy: { id: waf.id }
      associations: [
        {
          domains: [{ id: endpoint.id }]
          patternsToMatch: ['/*']
        }
      ]
    }
  }
}

output profileName string = profile.name
output endpointName string = endpoint.name
output frontDoorId string = profile.properties.frontDoorId
output hostName string = endpoint.properties.hostName

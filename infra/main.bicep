// NsclWorkflows on Azure: the Functions app (Flex Consumption, .NET isolated) with Durable Functions on Azure Storage,
// reached through a user-assigned managed identity (no storage keys), secrets in Key Vault, monitoring, App Service
// Authentication for officers, and a Static Web App for the web pages. Deployed with `azd up` (see README).
// Secure by default: storage and Key Vault have no public endpoint (networkIsolation: private endpoints in a virtual
// network the app is integrated with), the vault is purge-protected; Front Door with a WAF in front is an option.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; names and tags of every resource derive from it.')
param environmentName string

@minLength(1)
@description('Azure region of every resource except the Static Web App. Flex Consumption must be offered there.')
param location string

@description('Region of the Static Web App (offered in few regions).')
@allowed(['centralus', 'eastasia', 'eastus2', 'westeurope', 'westus2'])
param staticWebAppLocation string = 'eastasia'

@description('Object id of the person running azd (AZURE_PRINCIPAL_ID): may set Key Vault secrets. Empty: no assignment.')
param principalId string = ''

@description('Client id of the Entra ID app registration officers sign in with (AZURE_AUTH_CLIENT_ID). Empty: App Service Authentication stays off until it is set.')
param authClientId string = ''

@description('Sender address of the e-mails (NSCL_EMAIL_FROM), a sender verified in SendGrid.')
param emailFrom string = ''

@description('Mailbox that receives officers\' notifications until per-unit recipient lists are set (NSCL_OFFICER_MAILBOX). Empty: the sender address.')
param officerMailbox string = ''

@description('Full name printed under the signature of the year-end report (NSCL_REPORT_SIGNER_NAME). Empty: left for the handwritten name.')
param reportSignerName string = ''

@secure()
@description('SendGrid API key (SENDGRID_API_KEY). Empty keeps whatever the vault already holds (set it with az keyvault secret set).')
param sendGridApiKey string = ''

@secure()
@metadata({
  azd: {
    type: 'generate'
    config: { length: 64, noSpecial: true }
  }
})
@minLength(32)
@description('HMAC key of the enterprises\' access links. azd generates it once and keeps it in the environment; changing it revokes every link.')
param accessLinkSigningKey string

@description('Durable Functions task hub: letters and digits, starting with a letter, 3-45 characters. One per environment.')
param durableTaskHubName string = 'nscl${take(replace(replace(replace(toLower(environmentName), '-', ''), '_', ''), '.', ''), 36)}'

@description('Most instances Flex Consumption may scale the app out to.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('Memory of each instance, in MB.')
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

@description('True (default): storage and Key Vault take no traffic from public networks; the app reaches them through private endpoints in a virtual network. False: a cheaper test deployment whose storage and vault are reachable from the internet (still only with Entra ID); see infra/README.md.')
param networkIsolation bool = true

@description('Address space of the virtual network (network isolation); change it if it must not overlap a network you connect to.')
param networkAddressPrefix string = '10.20.0.0/16'

@description('Days a deleted Key Vault or secret stays recoverable (purge protection is always on). Fixed when the vault is created.')
@minValue(7)
@maxValue(90)
param keyVaultSoftDeleteRetentionInDays int = 90

@description('True: Azure Front Door with a WAF policy (managed rules on Premium, per-client rate limits) in front of the API and the web pages, and the Function App takes traffic only from it. Off by default (it has a monthly base fee).')
param frontDoor bool = false

@description('Front Door tier: Premium adds the WAF\'s managed rule sets (OWASP-style attacks, bots); Standard has the rate limits only.')
@allowed(['Standard_AzureFrontDoor', 'Premium_AzureFrontDoor'])
param frontDoorSku string = 'Premium_AzureFrontDoor'

// Every name can be overridden; empty means "derive it from the abbreviations and the resource token".
param resourceGroupName string = ''
param identityName string = ''
param storageAccountName string = ''
param keyVaultName string = ''
param logAnalyticsName string = ''
param applicationInsightsName string = ''
param appServicePlanName string = ''
param functionAppName string = ''
param staticWebAppName string = ''
param virtualNetworkName string = ''
param networkSecurityGroupName string = ''
param frontDoorProfileName string = ''
param frontDoorEndpointName string = ''
param wafPolicyName string = ''

var abbrs = loadJsonContent('abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }
var names = {
  resourceGroup: !empty(resourceGroupName) ? resourceGroupName : '${abbrs.resourcesResourceGroups}${environmentName}'
  identity: !empty(identityName) ? identityName : '${abbrs.managedIdentityUserAssignedIdentities}${resourceToken}'
  storage: !empty(storageAccountName) ? storageAccountName : '${abbrs.storageStorageAccounts}${resourceToken}'
  keyVault: !empty(keyVaultName) ? keyVaultName : '${abbrs.keyVaultVaults}${resourceToken}'
  logAnalytics: !empty(logAnalyticsName) ? logAnalyticsName : '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
  applicationInsights: !empty(applicationInsightsName) ? applicationInsightsName : '${abbrs.insightsComponents}${resourceToken}'
  plan: !empty(appServicePlanName) ? appServicePlanName : '${abbrs.webServerFarms}${resourceToken}'
  functionApp: !empty(functionAppName) ? functionAppName : '${abbrs.webSitesFunctions}${resourceToken}'
  staticWebApp: !empty(staticWebAppName) ? staticWebAppName : '${abbrs.webStaticSites}${resourceToken}'
  virtualNetwork: !empty(virtualNetworkName) ? virtualNetworkName : '${abbrs.networkVirtualNetworks}${resourceToken}'
  networkSecurityGroup: !empty(networkSecurityGroupName) ? networkSecurityGroupName : '${abbrs.networkNetworkSecurityGroups}${resourceToken}'
  frontDoorProfile: !empty(frontDoorProfileName) ? frontDoorProfileName : '${abbrs.cdnProfiles}${resourceToken}'
  frontDoorEndpoint: !empty(frontDoorEndpointName) ? frontDoorEndpointName : '${abbrs.cdnProfilesEndpoints}${resourceToken}'
  wafPolicy: !empty(wafPolicyName) ? wafPolicyName : '${abbrs.networkFrontDoorWebApplicationFirewallPolicies}${resourceToken}'
}
// Flex Consumption pulls the deployment package from this container with the app's identity.
var deploymentContainerName = toLower('app-package-${take(names.functionApp, 32)}-${take(resourceToken, 7)}')

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: names.resourceGroup
  location: location
  tags: tags
}

module identity 'app/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: names.identity
    location: location
    tags: tags
  }
}

module storage 'app/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: names.storage
    location: location
    tags: tags
    deploymentContainerName: deploymentContainerName
    identityName: names.identity
    networkIsolation: networkIsolation
  }
  dependsOn: [
    identity
  ]
}

module monitoring 'app/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: names.logAnalytics
    applicationInsightsName: names.applicationInsights
    location: location
    tags: tags
    identityName: names.identity
  }
  dependsOn: [
    identity
  ]
}

module keyVault 'app/keyvault.bicep' = {
  name: 'keyvault'
  scope: rg
  params: {
    name: names.keyVault
    location: location
    tags: tags
    identityName: names.identity
    principalId: principalId
    sendGridApiKey: sendGridApiKey
    accessLinkSigningKey: accessLinkSigningKey
    softDeleteRetentionInDays: keyVaultSoftDeleteRetentionInDays
    networkIsolation: networkIsolation
  }
  dependsOn: [
    identity
  ]
}

module web 'app/web.bicep' = {
  name: 'web'
  scope: rg
  params: {
    name: names.staticWebApp
    location: staticWebAppLocation
    tags: tags
  }
}

module network 'app/network.bicep' = if (networkIsolation) {
  name: 'network'
  scope: rg
  params: {
    vnetName: names.virtualNetwork
    nsgName: names.networkSecurityGroup
    location: location
    tags: tags
    addressPrefix: networkAddressPrefix
    storageAccountName: names.storage
    keyVaultName: names.keyVault
  }
  dependsOn: [
    storage
    keyVault
  ]
}

module frontDoorProfile 'app/frontdoor.bicep' = if (frontDoor) {
  name: 'frontdoor'
  scope: rg
  params: {
    profileName: names.frontDoorProfile
    endpointName: names.frontDoorEndpoint
    wafPolicyName: names.wafPolicy
    tags: tags
    sku: frontDoorSku
  }
}

// The address people and e-mails use: Front Door's endpoint when it is on (pages and API on one origin), else the
// Static Web App for the pages and the Function App for the API.
var frontDoorUrl = frontDoor ? 'https://${frontDoorProfile!.outputs.hostName}' : ''
var webUrl = frontDoor ? frontDoorUrl : 'https://${web.outputs.defaultHostname}'

module api 'app/api.bicep' = {
  name: 'api'
  scope: rg
  params: {
    planName: names.plan
    name: names.functionApp
    location: location
    tags: tags
    identityName: names.identity
    storageAccountName: names.storage
    deploymentContainerName: deploymentContainerName
    applicationInsightsName: names.applicationInsights
    sendGridApiKeySecretUri: keyVault.outputs.sendGridApiKeySecretUri
    accessLinkSigningKeySecretUri: keyVault.outputs.accessLinkSigningKeySecretUri
    durableTaskHubName: durableTaskHubName
    emailFrom: emailFrom
    officerMailbox: !empty(officerMailbox) ? officerMailbox : emailFrom
    reportSignerName: reportSignerName
    publicBaseUrl: webUrl
    authClientId: authClientId
    allowedOrigins: frontDoor ? [frontDoorUrl, 'https://${web.outputs.defaultHostname}'] : ['https://${web.outputs.defaultHostname}']
    virtualNetworkSubnetId: networkIsolation ? network!.outputs.appSubnetId : ''
    frontDoorId: frontDoor ? frontDoorProfile!.outputs.frontDoorId : ''
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
  }
  dependsOn: [
    identity
    storage
    monitoring
  ]
}

module frontDoorRoutes 'app/frontdoor-routes.bicep' = if (frontDoor) {
  name: 'frontdoor-routes'
  scope: rg
  params: {
    profileName: names.frontDoorProfile
    endpointName: names.frontDoorEndpoint
    apiHostName: api.outputs.hostName
    webHostName: web.outputs.defaultHostname
  }
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = api.outputs.name
// Where the API is reached: through Front Door when it is on (the app itself then refuses other traffic).
output AZURE_FUNCTION_APP_URL string = frontDoor ? frontDoorUrl : api.outputs.url
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_KEY_VAULT_ENDPOINT string = keyVault.outputs.endpoint
output AZURE_USER_ASSIGNED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output AZURE_USER_ASSIGNED_IDENTITY_PRINCIPAL_ID string = identity.outputs.principalId
output AZURE_STATIC_WEB_APP_NAME string = web.outputs.name
output AZURE_STATIC_WEB_APP_URL string = 'https://${web.outputs.defaultHostname}'
output AZURE_FRONT_DOOR_URL string = frontDoorUrl
output AZURE_WEB_URL string = webUrl
output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.applicationInsightsName
output DURABLE_TASK_HUB_NAME string = durableTaskHubName

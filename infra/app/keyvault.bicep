// Key Vault (RBAC mode) with the app's two secrets. The Function App reads them through Key Vault references resolved
// with its managed identity (Key Vault Secrets User); the person running azd may write them (Secrets Officer).
// Purge protection is on: a deleted vault or secret stays recoverable for the retention period and nobody, not even an
// Owner, can purge it sooner. With network isolation the vault has no public endpoint: the app reaches it through the
// private endpoint (network.bicep); the deployment writes the secrets through Azure Resource Manager, which needs none.
param name string
param location string
param tags object

@description('The app\'s user-assigned identity: reads the secrets (Key Vault references).')
param identityName string

@description('Object id of the person running azd. Empty: no assignment.')
param principalId string

@secure()
@description('Empty: the secret is left as it is (set it with az keyvault secret set).')
param sendGridApiKey string

@secure()
param accessLinkSigningKey string

@description('Days a deleted vault or secret can be recovered (7-90). Fixed when the vault is created: ARM refuses to change it later.')
@minValue(7)
@maxValue(90)
param softDeleteRetentionInDays int

@description('True: no public network access (private endpoint only). False: reachable from public networks, still only with Entra ID and RBAC.')
param networkIsolation bool

var sendGridApiKeySecretName = 'SendGridApiKey'
var accessLinkSigningKeySecretName = 'AccessLinkSigningKey'
var roles = {
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
  keyVaultSecretsOfficer: 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'
}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: identityName
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: softDeleteRetentionInDays
    // Cannot be turned off again once on; a deleted vault keeps its name taken for the retention period.
    enablePurgeProtection: true
    publicNetworkAccess: networkIsolation ? 'Disabled' : 'Enabled'
    networkAcls: {
      defaultAction: networkIsolation ? 'Deny' : 'Allow'
      bypass: networkIsolation ? 'None' : 'AzureServices'
    }
  }
}

resource sendGridSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(sendGridApiKey)) {
  parent: vault
  name: sendGridApiKeySecretName
  properties: {
    value: sendGridApiKey
    contentType: 'SendGrid API key'
  }
}

resource accessLinkSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: accessLinkSigningKeySecretName
  properties: {
    value: accessLinkSigningKey
    contentType: 'HMAC key of the enterprises\' access links'
  }
}

resource appSecretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identity.id, roles.keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsUser)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource deployerSecretsOfficer 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(principalId)) {
  name: guid(vault.id, principalId, roles.keyVaultSecretsOfficer)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsOfficer)
    principalId: principalId
  }
}

output name string = vault.name
output id string = vault.id
output endpoint string = vault.properties.vaultUri
// Versionless: the app follows the latest version of each secret (App Service re-reads references within 24 h).
output sendGridApiKeySecretUri string = '${vault.properties.vaultUri}secrets/${sendGridApiKeySecretName}'
output accessLinkSigningKeySecretUri string = accessLinkSecret.properties.secretUri

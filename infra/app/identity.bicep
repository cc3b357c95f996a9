// The user-assigned managed identity the Function App runs as: storage, Key Vault references, Application Insights
// and the sign-in federation all use it, so nothing holds a key or a client secret.
param name string
param location string
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output name string = identity.name
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId

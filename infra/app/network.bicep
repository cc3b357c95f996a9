// Network isolation (main.bicep's networkIsolation): a virtual network with one subnet for the Function App's outbound
// traffic (virtual network integration, delegated to Microsoft.App/environments as Flex Consumption requires) and one
// for private endpoints: blob, queue and table of the storage account (the Functions host, Durable Functions, the app's
// tables and documents, the deployment package) and the Key Vault (Key Vault references). Private DNS zones linked to the
// network make the services' usual host names resolve to the private addresses inside it, so the app's settings do not
// change. Everything else (SendGrid, Application Insights, Entra ID) is reached over the internet as before.
param vnetName string

@description('Network security group of both subnets (Azure\'s default rules: nothing comes in from the internet).')
param nsgName string
param location string
param tags object

@description('Address space of the virtual network; the two subnets are its first two /24 blocks after the first.')
param addressPrefix string

param storageAccountName string
param keyVaultName string

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

var appSubnetName = 'snet-app'
var privateEndpointSubnetName = 'snet-private-endpoints'

// No rules of its own: the defaults let the network talk to itself and refuse inbound traffic from the internet.
// Policies that require a security group on every subnet are satisfied.
resource nsg 'Microsoft.Network/networkSecurityGroups@2024-05-01' = {
  name: nsgName
  location: location
  tags: tags
  properties: {
    securityRules: []
  }
}

resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: vnetName
  location: location
  tags: tags
  properties: {
    addressSpace: { addressPrefixes: [addressPrefix] }
    // Subnets inline (not child resources): a later deployment of the network would otherwise try to remove them.
    subnets: [
      {
        name: appSubnetName
        properties: {
          addressPrefix: cidrSubnet(addressPrefix, 24, 1)
          networkSecurityGroup: { id: nsg.id }
          delegations: [
            {
              name: 'flex-consumption'
              properties: { serviceName: 'Microsoft.App/environments' }
            }
          ]
        }
      }
      {
        name: privateEndpointSubnetName
        properties: {
          addressPrefix: cidrSubnet(addressPrefix, 24, 2)
          networkSecurityGroup: { id: nsg.id }
          privateEndpointNetworkPolicies: 'Disabled'
        }
      }
    ]
  }
}

resource appSubnet 'Microsoft.Network/virtualNetworks/subnets@2024-05-01' existing = {
  parent: vnet
  name: appSubnetName
}

resource privateEndpointSubnet 'Microsoft.Network/virtualNetworks/subnets@2024-05-01' existing = {
  parent: vnet
  name: privateEndpointSubnetName
}

// One private endpoint per service; the zone names follow the cloud (environment()), e.g. privatelink.blob.core.windows.net
// and privatelink.vaultcore.azure.net in the public cloud.
var endpoints = [
  { service: storage.id, groupId: 'blob', zone: 'privatelink.blob.${environment().suffixes.storage}', name: storage.name }
  { service: storage.id, groupId: 'queue', zone: 'privatelink.queue.${environment().suffixes.storage}', name: storage.name }
  { service: storage.id, groupId: 'table', zone: 'privatelink.table.${environment().suffixes.storage}', name: storage.name }
  { service: vault.id, groupId: 'vault', zone: 'privatelink${replace(environment().suffixes.keyvaultDns, '.vault.', '.vaultcore.')}', name: vault.name }
]

resource zones 'Microsoft.Network/privateDnsZones@2024-06-01' = [
  for endpoint in endpoints: {
    name: endpoint.zone
    location: 'global'
    tags: tags
  }
]

resource zoneLinks 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = [
  for (endpoint, i) in endpoints: {
    parent: zones[i]
    name: vnet.name
    location: 'global'
    tags: tags
    properties: {
      registrationEnabled: false
      virtualNetwork: { id: vnet.id }
    }
  }
]

resource privateEndpoints 'Microsoft.Network/privateEndpoints@2024-05-01' = [
  for endpoint in endpoints: {
    name: 'pep-${endpoint.name}-${endpoint.groupId}'
    location: location
    tags: tags
    properties: {
      subnet: { id: privateEndpointSubnet.id }
      privateLinkServiceConnections: [
        {
          name: '${endpoint.name}-${endpoint.groupId}'
          properties: {
            privateLinkServiceId: endpoint.service
            groupIds: [endpoint.groupId]
          }
        }
      ]
    }
  }
]

resource dnsZoneGroups 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2024-05-01' = [
  for (endpoint, i) in endpoints: {
    parent: privateEndpoints[i]
    name: 'default'
    properties: {
      privateDnsZoneConfigs: [
        {
          name: replace(endpoint.zone, '.', '-')
          properties: { privateDnsZoneId: zones[i].id }
        }
      ]
    }
    dependsOn: [
      zoneLinks[i]
    ]
  }
]

output vnetName string = vnet.name
output appSubnetId string = appSubnet.id

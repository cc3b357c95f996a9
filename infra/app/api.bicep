// The Functions app on Flex Consumption (.NET isolated), running as the user-assigned identity: identity-based
// storage connections, Key Vault references for secrets, Entra ID telemetry, and App Service Authentication that signs
// officers in but lets anonymous requests through (enterprises use their access links; the code checks officers).
param planName string
param name string
param location string
param tags object
param identityName string
param storageAccountName string
param deploymentContainerName string
param applicationInsightsName string
param sendGridApiKeySecretUri string
param accessLinkSigningKeySecretUri string
param durableTaskHubName string
param emailFrom string

@description('Sender name of the e-mails.')
param emailFromName string = 'Sở Khoa học và Công nghệ Đà Nẵng – Chương trình NSCL'

@description('Who signs the year-end report: full name printed under the signature (empty: left for the handwritten name).')
param reportSignerName string = ''

@description('Title of the year-end report\'s signer, e.g. GIÁM ĐỐC or PHÓ GIÁM ĐỐC (with reportSignerCapacity KT. GIÁM ĐỐC).')
param reportSignerTitle string = 'GIÁM ĐỐC'

@description('Signing on behalf of the director, e.g. KT. GIÁM ĐỐC; empty when the director signs.')
param reportSignerCapacity string = ''

@description('Address the links in e-mails point at (the web pages).')
param publicBaseUrl string

@description('Mailbox that receives officers\' notifications (every unit and role) until per-unit lists are set in the app settings.')
param officerMailbox string

@description('Whom enterprises contact about their files, printed in their e-mails (a division or an officer).')
param unitContactName string = 'Phòng Quản lý khoa học, Sở Khoa học và Công nghệ thành phố Đà Nẵng'

@description('That contact\'s telephone number; empty: none printed.')
param unitContactPhone string = ''
param allowedOrigins string[]
param maximumInstanceCount int
param instanceMemoryMB int

@description('Client id of the Entra ID app registration for officers\' sign-in. Empty: authentication is not configured.')
param authClientId string

@description('Subnet for virtual network integration (network isolation): outbound traffic to storage and Key Vault goes through private endpoints. Empty: no integration.')
param virtualNetworkSubnetId string

@description('Id of the Front Door profile (its frontDoorId) in front of the app. Empty: no Front Door, the app takes traffic from anywhere.')
param frontDoorId string

// Flex Consumption lists dotnet-isolated 8.0, 9.0 and 10.0 (Get-AzFunctionAppFlexConsumptionRuntime).
var runtimeName = 'dotnet-isolated'
var runtimeVersion = '10.0'

// App Service Authentication proves the app registration's identity with this managed identity (a federated
// credential on the registration) instead of a client secret.
var authSecretSettingName = 'OVERRIDE_USE_MI_FIC_ASSERTION_CLIENTID'

// Behind Front Door the app takes requests only from Front Door's back end (the service tag) carrying this profile's id
// (X-Azure-FDID): another customer's Front Door also comes from that service tag. The deployment endpoint (scm) keeps its
// own rules (open, Entra ID only, basic credentials off below) so that `azd deploy` works from a developer's machine.
var behindFrontDoor = !empty(frontDoorId)
var accessRestrictions = behindFrontDoor
  ? {
      ipSecurityRestrictionsDefaultAction: 'Deny'
      ipSecurityRestrictions: [
        {
          name: 'FrontDoorOnly'
          description: 'Requests through this deployment\'s Front Door profile only'
          action: 'Allow'
          priority: 100
          tag: 'ServiceTag'
          ipAddress: 'AzureFrontDoor.Backend'
          headers: {
            'x-azure-fdid': [frontDoorId]
          }
        }
      ]
      scmIpSecurityRestrictionsUseMain: false
      scmIpSecurityRestrictionsDefaultAction: 'Allow'
    }
  : {
      ipSecurityRestrictionsDefaultAction: 'Allow'
      scmIpSecurityRestrictionsUseMain: false
    }

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: identityName
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource functionApp 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identity.id
    virtualNetworkSubnetId: empty(virtualNetworkSubnetId) ? null : virtualNetworkSubnetId
    siteConfig: union(
      {
        minTlsVersion: '1.2'
        scmMinTlsVersion: '1.2'
        http20Enabled: true
        // With network isolation every outbound request goes into the virtual network: Key Vault references on Linux
        // need it to reach the vault's private endpoint. (Flex Consumption rejects ftpsState: it has no FTP endpoint.)
        vnetRouteAllEnabled: !empty(virtualNetworkSubnetId)
        cors: {
          allowedOrigins: allowedOrigins
        }
      },
      accessRestrictions
    )
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identity.id
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: runtimeName
        version: runtimeVersion
      }
    }
  }
}

// Every setting the app reads, by the names the code, host.json and local.settings.sample.json use
// (tests/NsclWorkflows.Deployment.Tests checks the three agree). Keep this a literal object: the test reads its keys.
resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: functionApp
  name: 'appsettings'
  properties: {
    // Identity-based storage connection: the Functions host, Durable Functions and the app's StorageClients.
    AzureWebJobsStorage__accountName: storage.name
    AzureWebJobsStorage__blobServiceUri: storage.properties.primaryEndpoints.blob
    AzureWebJobsStorage__queueServiceUri: storage.properties.primaryEndpoints.queue
    AzureWebJobsStorage__tableServiceUri: storage.properties.primaryEndpoints.table
    AzureWebJobsStorage__credential: 'managedidentity'
    AzureWebJobsStorage__clientId: identity.properties.clientId
    DurableTaskHubName: durableTaskHubName
    APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsights.properties.ConnectionString
    APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identity.properties.clientId};Authorization=AAD'
    OVERRIDE_USE_MI_FIC_ASSERTION_CLIENTID: identity.properties.clientId
    WEBSITE_AUTH_AAD_ALLOWED_TENANTS: tenant().tenantId
    Nscl__Storage__TablePrefix: 'nscl'
    Nscl__AccessLinks__SigningKey: '@Microsoft.KeyVault(SecretUri=${accessLinkSigningKeySecretUri})'
    // How long a submission's Idempotency-Key is remembered (hours); the hourly IdempotencyCleanupTimer deletes older ones.
    Nscl__Idempotency__RetentionHours: '72'
    Nscl__Auth__Mode: 'AppService'
    Nscl__Catalogue__Path: ''
    Nscl__Email__SendGridApiKey: '@Microsoft.KeyVault(SecretUri=${sendGridApiKeySecretUri})'
    Nscl__Email__From: emailFrom
    Nscl__Email__FromName: emailFromName
    Nscl__Email__BaseUrl: 'https://api.sendgrid.com'
    Nscl__Email__PublicBaseUrl: publicBaseUrl
    Nscl__Email__Timeout: '00:00:30'
    // E-mails the provider refuses for now: parked, swept each minute (the EmailSweepTimer trigger), given up after 6 hours.
    Nscl__EmailRetry__Pause: '00:01:00'
    Nscl__EmailRetry__SweepInterval: '00:01:00'
    Nscl__EmailRetry__GiveUpAfter: '06:00:00'
    Nscl__EmailRetry__MaxPerSweep: '200'
    // Abuse limits per client address (the address App Service's front end appends to X-Forwarded-For: 1 hop; 2 behind
    // Front Door) and per contact e-mail. Counters are per instance: the WAF rule in front is the hard limit (README).
    Nscl__RateLimits__SubmissionsPerHour: '10'
    Nscl__RateLimits__UploadsPerHour: '60'
    Nscl__RateLimits__TokenRequestsPerMinute: '120'
    Nscl__RateLimits__SubmissionsPerEmailPerDay: '3'
    // Behind Front Door the client is the entry Front Door appended, one before App Service's (which is Front Door's).
    Nscl__RateLimits__ForwardedForHops: behindFrontDoor ? '2' : '1'
    // /api/health answers 503 "degraded" when a started workflow has waited this long undispatched (a stalled backend).
    Nscl__Health__WorkflowWaitAlertAfter: '00:05:00'
    // A workflow whose write fails beyond its retries waits this long (doubling to 1 h) before trying again.
    Nscl__Durable__RetryRound: '00:01:00'
    Nscl__Durable__StepsPerExecution: '200'
    // Timers on Flex Consumption run in UTC (no WEBSITE_TIME_ZONE): 18:00 UTC on 14 December is 01:00 on 15 December in Đà Nẵng.
    Nscl__Reports__YearEndCron: '0 18 14 12 *'
    Nscl__Reports__TimeZone: 'UTC'
    Nscl__Reports__DefaultRunCutOff: '12-31'
    Nscl__Reports__DefaultRunDue: '01-15'
    // The report's signer, addressee and "Nơi nhận" lines (…__Recipients__0.., one line each; unset keeps the usual list).
    Nscl__Reports__Layout__SignerName: reportSignerName
    Nscl__Reports__Layout__SignerTitle: reportSignerTitle
    Nscl__Reports__Layout__SignerCapacity: reportSignerCapacity
    Nscl__Reports__Layout__Addressee: 'Ủy ban nhân dân thành phố Đà Nẵng'
    Nscl__Reports__Layout__Recipients__0: 'Như trên;'
    Nscl__Reports__Layout__Recipients__1: 'Bộ Khoa học và Công nghệ (để b/c);'
    Nscl__Reports__Layout__Recipients__2: 'Sở Tài chính;'
    Nscl__Reports__Layout__Recipients__3: 'Lãnh đạo Sở;'
    Nscl__Reports__Layout__Recipients__4: 'Lưu: VT, QLKH.'
    // Officers' recipients by (unit, role): add groups (…__1__, …__2__) per unit in the portal or here.
    Nscl__Email__Recipients__0__Unit: '*'
    Nscl__Email__Recipients__0__Role: 'Officer'
    Nscl__Email__Recipients__0__Addresses__0: officerMailbox
    Nscl__Email__Recipients__1__Unit: '*'
    Nscl__Email__Recipients__1__Role: 'Appraiser'
    Nscl__Email__Recipients__1__Addresses__0: officerMailbox
    Nscl__Email__Recipients__2__Unit: '*'
    Nscl__Email__Recipients__2__Role: 'Leader'
    Nscl__Email__Recipients__2__Addresses__0: officerMailbox
    Nscl__Email__Recipients__3__Unit: '*'
    Nscl__Email__Recipients__3__Role: 'HeadOfDivision'
    Nscl__Email__Recipients__3__Addresses__0: officerMailbox
    // Lead units' mailboxes for report runs' requests (role LeadUnit, unit ttkn, vienktxh, sct or snnptnt): one group per
    // unit in the portal or here. Until they are set, the requests go to the officers' mailbox, to be forwarded.
    Nscl__Email__Recipients__4__Unit: '*'
    Nscl__Email__Recipients__4__Role: 'LeadUnit'
    Nscl__Email__Recipients__4__Addresses__0: officerMailbox
    // The Director's office (Văn phòng Sở), where overdue approvals are escalated.
    Nscl__Email__Recipients__5__Unit: '*'
    Nscl__Email__Recipients__5__Role: 'DirectorsOffice'
    Nscl__Email__Recipients__5__Addresses__0: officerMailbox
    // The unit's accountants (kế toán), reminded of payable tranches.
    Nscl__Email__Recipients__6__Unit: '*'
    Nscl__Email__Recipients__6__Role: 'Accountant'
    Nscl__Email__Recipients__6__Addresses__0: officerMailbox
    // Whom enterprises contact about their files (shown in their e-mails); one entry per unit (…__1__) in the portal or here.
    Nscl__Email__UnitContacts__0__Unit: '*'
    Nscl__Email__UnitContacts__0__Name: unitContactName
    Nscl__Email__UnitContacts__0__Phone: unitContactPhone
    Nscl__Email__UnitContacts__0__Email: officerMailbox
  }
}

// Deployment with Entra ID only (azd deploys Flex Consumption with a bearer token): no publishing user or password.
resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: functionApp
  name: 'scm'
  properties: { allow: false }
}

resource authSettings 'Microsoft.Web/sites/config@2024-04-01' = if (!empty(authClientId)) {
  parent: functionApp
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
    }
    globalValidation: {
      // Enterprise endpoints must stay reachable without signing in; officer endpoints check X-MS-CLIENT-PRINCIPAL.
      requireAuthentication: false
      unauthenticatedClientAction: 'AllowAnonymous'
    }
    httpSettings: {
      requireHttps: true
      // Behind Front Door, sign-in redirects go back to the host the browser used (X-Forwarded-Host), not to the app's.
      forwardProxy: {
        convention: behindFrontDoor ? 'Standard' : 'NoProxy'
      }
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: authClientId
          clientSecretSettingName: authSecretSettingName
          openIdIssuer: '${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0'
        }
        validation: {
          allowedAudiences: [
            'api://${authClientId}'
          ]
        }
      }
    }
    login: {
      // Flex Consumption has no persistent file system for a token store; the session cookie is enough for
      // X-MS-CLIENT-PRINCIPAL.
      tokenStore: {
        enabled: false
      }
      // The sign-in page sends officers back to the web pages, on another origin than the app (the Static Web App).
      allowedExternalRedirectUrls: allowedOrigins
    }
  }
  dependsOn: [
    appSettings
  ]
}

output name string = functionApp.name
output hostName string = functionApp.properties.defaultHostName
output url string = 'https://${functionApp.properties.defaultHostName}'

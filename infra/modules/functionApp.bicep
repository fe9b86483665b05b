metadata description = 'The hub: a Linux function app on the Flex Consumption plan running the .NET isolated worker with Durable Functions on the identity-based AzureWebJobsStorage.'

@description('Required. Name of the function app (globally unique: it is the host name).')
param name string

@description('Required. Name of the Flex Consumption plan.')
param planName string

@description('Required. Azure region of the plan and the app.')
param location string

@description('Required. Resource id of the user-assigned identity the app runs as.')
param identityId string

@description('Required. Client id of the user-assigned identity.')
param identityClientId string

@description('Required. Name of the storage account (AzureWebJobsStorage, identity-based).')
param storageAccountName string

@description('Required. URL of the blob container the deployment packages are uploaded to.')
param deploymentContainerUrl string

@description('Required. Name of the Application Insights component.')
param appInsightsName string

@description('Required. URI of the Key Vault holding the channel secrets, ending with a slash.')
param keyVaultUri string

@description('Optional. App setting name to Key Vault secret name, for settings whose values are secrets. Default none.')
param keyVaultReferences { *: string } = {}

@description('Optional. Further app settings that are not secrets (for example table or queue names). Default none.')
param extraSettings { *: string } = {}

@description('Optional. Most instances the plan scales out to. Default 100.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('Optional. Memory of each instance in MB. Default 2048.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Optional. Tags applied to the plan and the app.')
param tags object = {}

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

// Identity-based connections only: no connection string, account key or SAS anywhere in the settings.
// The storage settings are the ones the Functions host documents for a user-assigned identity, and
// Omnichannel.Storage's StorageAccount reads the same accountName and clientId.
var identitySettings = [
  {
    name: 'AzureWebJobsStorage__accountName'
    value: storageAccountName
  }
  {
    name: 'AzureWebJobsStorage__credential'
    value: 'managedidentity'
  }
  {
    name: 'AzureWebJobsStorage__clientId'
    value: identityClientId
  }
  {
    // DefaultAzureCredential anywhere in the app picks the user-assigned identity.
    name: 'AZURE_CLIENT_ID'
    value: identityClientId
  }
  {
    name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
    value: appInsights.properties.ConnectionString
  }
  {
    name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING'
    value: 'ClientId=${identityClientId};Authorization=AAD'
  }
]

// Versionless secret URIs: a new secret version is picked up without redeploying.
var keyVaultReferenceSettings = [
  for setting in items(keyVaultReferences): {
    name: setting.key
    value: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/${setting.value})'
  }
]

// Settings that the functions' trigger binding expressions read (%Sync:RetrySchedule% is the app setting
// Sync__RetrySchedule): the host refuses a function whose expression has no setting, so the defaults are
// always deployed; extraSettings may override any of them.
var bindingDefaults = {
  Ledger__AlertWebhookQueue: 'stock-alerts-webhook'
  Ledger__StockChangedQueue: 'stock-changed'
  Sync__RetrySchedule: '30 * * * * *'
  Sync__ReconcileSchedule: '0 */15 * * * *'
  Sync__FeedSchedule: '0 0 * * * *'
  Channels__Polling__Schedule: '0 */5 * * * *'
  Channels__Ingestion__OrderQueue: 'channel-orders'
  Channels__Ingestion__DeliveryQueue: 'channel-deliveries'
  Ledger__StockChangedCopyQueue: 'stock-changed-orders'
  Events__SweepSchedule: '20 * * * * *'
}

var plainSettings = [
  for setting in items(union(bindingDefaults, extraSettings)): {
    name: setting.key
    value: setting.value
  }
]

resource plan 'Microsoft.Web/serverfarms@2024-11-01' = {
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

resource site 'Microsoft.Web/sites@2024-11-01' = {
  name: name
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      appSettings: concat(identitySettings, keyVaultReferenceSettings, plainSettings)
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      // The .NET isolated worker: worker.config.json in the package names the app's assembly.
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

// Deployments authenticate with Microsoft Entra ID, never with publishing user names and passwords.
resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-11-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-11-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

@description('Name of the function app.')
output name string = site.name

@description('Resource id of the function app.')
output id string = site.id

@description('Name of the Flex Consumption plan.')
output planName string = plan.name

@description('HTTPS base URL of the function app.')
output url string = 'https://${site.properties.defaultHostName}'

metadata description = 'The omnichannel hub on Azure: a Flex Consumption function app (custom handler) with its storage, identity, Key Vault, monitoring and alerts.'

targetScope = 'resourceGroup'

@description('Required. Environment the resources belong to; part of every name.')
@allowed([
  'dev'
  'test'
  'prod'
])
param environmentName string

@description('Optional. Short name of the workload, lower-case letters and digits; part of every name. Default omnihub.')
@minLength(3)
@maxLength(10)
param workloadName string = 'omnihub'

@description('Optional. Azure region of every resource. Default the resource group\'s region (it must offer the Flex Consumption plan).')
param location string = resourceGroup().location

@description('Optional. Storage redundancy. Default Standard_LRS.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param storageSkuName string = 'Standard_LRS'

@description('Optional. Most instances the app scales out to. Default 100, the Flex Consumption default.')
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

@description('Optional. Whether the Key Vault has purge protection (irreversible). Default true; the dev parameters turn it off.')
param keyVaultPurgeProtection bool = true

@description('Optional. Days deleted secrets stay recoverable. Default 90.')
@minValue(7)
@maxValue(90)
param keyVaultSoftDeleteRetentionInDays int = 90

@description('Optional. Days Log Analytics keeps logs. Default 30.')
@minValue(30)
@maxValue(730)
param logRetentionInDays int = 30

@description('Optional. App setting name to Key Vault secret name for every setting whose value is a secret (the channel secrets); each becomes a Key Vault reference. Set the values with az keyvault secret set. Default none.')
param keyVaultSettings { *: string } = {}

@description('Optional. Further app settings that are not secrets (for example feature options). Default none.')
param appSettings { *: string } = {}

@description('Optional. Object id of the user or group that sets the channel secrets in the vault; gets Key Vault Secrets Officer. Default none.')
param operatorPrincipalId string = ''

@description('Optional. Principal type of operatorPrincipalId. Default User.')
@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param operatorPrincipalType string = 'User'

@description('Optional. E-mail address the alerts notify. Default none (alerts show in the portal only).')
param alertEmail string = ''

@description('Optional. Percentage of HTTP requests failing with 5xx over 15 minutes that raises an alert. Default 5.')
@minValue(1)
@maxValue(100)
param http5xxPercentThreshold int = 5

@description('Optional. Whether the hub sends its events to an Azure Service Bus topic it deploys (namespace with local auth off, topic with duplicate detection, Data Sender role for the app). Default true.')
param deployServiceBus bool = true

@description('Optional. Application (client) id of the Microsoft Entra app registration the operations console signs in with (App Service authentication; the registration defines the app role Hub.Operator, see infra/README.md). Empty leaves App Service authentication off: the console then asks for a function key, as locally. Default empty.')
param consoleClientId string = ''

@description('Optional. Tenant of the console\'s app registration. Default the deployment\'s tenant.')
param consoleTenantId string = tenant().tenantId

@description('Optional. Tags applied to every resource. Default environment and workload.')
param tags object = {
  environment: environmentName
  workload: workloadName
}

// Globally unique names are derived from the resource group, so a redeploy finds the same resources.
var suffix = take(uniqueString(subscription().id, resourceGroup().id, workloadName, environmentName), 8)
var prefix = '${workloadName}-${environmentName}'
var names = {
  identity: 'id-${prefix}'
  workspace: 'log-${prefix}'
  appInsights: 'appi-${prefix}'
  storage: take(toLower('st${workloadName}${environmentName}${suffix}'), 24)
  keyVault: take('kv-${workloadName}-${environmentName}-${suffix}', 24)
  plan: 'plan-${prefix}'
  functionApp: 'func-${prefix}-${suffix}'
  deploymentContainer: 'app-package'
  serviceBus: 'sb-${prefix}-${suffix}'
}

// Endpoints built from the names (not read from the resources) keep every app setting predictable before
// deployment, so What-If and the tests see the real values.
var keyVaultUri = 'https://${names.keyVault}${environment().suffixes.keyvaultDns}/'
var identityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', names.identity)
var deploymentContainerUrl = 'https://${names.storage}.blob.${environment().suffixes.storage}/${names.deploymentContainer}'

module identity 'modules/identity.bicep' = {
  params: {
    name: names.identity
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  params: {
    workspaceName: names.workspace
    appInsightsName: names.appInsights
    location: location
    retentionInDays: logRetentionInDays
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  params: {
    name: names.storage
    location: location
    deploymentContainerName: names.deploymentContainer
    skuName: storageSkuName
    tags: tags
  }
}

module keyVault 'modules/keyVault.bicep' = {
  params: {
    name: names.keyVault
    location: location
    enablePurgeProtection: keyVaultPurgeProtection
    softDeleteRetentionInDays: keyVaultSoftDeleteRetentionInDays
    tags: tags
  }
}

module serviceBus 'modules/serviceBus.bicep' = if (deployServiceBus) {
  params: {
    name: names.serviceBus
    location: location
    tags: tags
  }
}

// The events' destination settings: the topic when deployed (its host name built from the name, as the other
// endpoints), and no Storage queue destination then (that is the local default).
var eventSettings = deployServiceBus
  ? {
      Events__ServiceBus__FullyQualifiedNamespace: '${names.serviceBus}.servicebus.windows.net'
      Events__ServiceBus__Topic: 'hub-events'
      Events__ServiceBus__ClientId: identity.outputs.clientId
      Events__Queue: ''
    }
  : {}

// With a console app registration, the console page serves only signed-in users holding Hub.Operator
// (Omnichannel.Console reads the principal App Service authentication passes on).
var consoleSettings = empty(consoleClientId)
  ? {}
  : {
      Console__RequireSignIn: 'true'
      Console__OperatorRole: 'Hub.Operator'
    }

module access 'modules/roleAssignments.bicep' = {
  params: {
    appIdentityName: names.identity
    storageAccountName: names.storage
    keyVaultName: names.keyVault
    appInsightsName: names.appInsights
    serviceBusNamespaceName: deployServiceBus ? names.serviceBus : ''
    operatorPrincipalId: operatorPrincipalId
    operatorPrincipalType: operatorPrincipalType
  }
  // Names are passed, not outputs, so What-If can predict the assignments; hence the explicit order.
  dependsOn: [
    identity
    storage
    keyVault
    monitoring
    serviceBus
  ]
}

module functionApp 'modules/functionApp.bicep' = {
  params: {
    name: names.functionApp
    planName: names.plan
    location: location
    identityId: identityId
    identityClientId: identity.outputs.clientId
    storageAccountName: names.storage
    deploymentContainerUrl: deploymentContainerUrl
    appInsightsName: names.appInsights
    keyVaultUri: keyVaultUri
    keyVaultReferences: keyVaultSettings
    extraSettings: union(eventSettings, consoleSettings, appSettings)
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    tags: tags
  }
  // The app starts as soon as it exists: its identity must already hold its roles, or the host's first
  // storage calls and Key Vault references fail until the next restart.
  dependsOn: [
    access
    monitoring
    storage
    keyVault
  ]
}

module consoleAuth 'modules/consoleAuth.bicep' = if (!empty(consoleClientId)) {
  params: {
    siteName: names.functionApp
    clientId: consoleClientId
    tenantId: consoleTenantId
    useClientSecret: contains(keyVaultSettings, 'MICROSOFT_PROVIDER_AUTHENTICATION_SECRET')
  }
  dependsOn: [
    functionApp
  ]
}

module alerts 'modules/alerts.bicep' = {
  params: {
    namePrefix: prefix
    location: location
    appInsightsId: resourceId('Microsoft.Insights/components', names.appInsights)
    alertEmail: alertEmail
    http5xxPercentThreshold: http5xxPercentThreshold
    tags: tags
  }
  dependsOn: [
    monitoring
  ]
}

@description('HTTPS base URL of the hub; HTTP functions are under /api.')
output appUrl string = functionApp.outputs.url

@description('The operations console (sign in with Entra ID when consoleClientId is set; locally the key).')
output consoleUrl string = '${functionApp.outputs.url}/api/console/'

@description('Name of the function app (for az functionapp deployment).')
output functionAppName string = functionApp.outputs.name

@description('Name of the storage account.')
output storageAccountName string = storage.outputs.name

@description('Name of the Key Vault holding the channel secrets.')
output keyVaultName string = keyVault.outputs.name

@description('Name of the Application Insights component.')
output appInsightsName string = monitoring.outputs.appInsightsName

@description('Client id of the managed identity the app runs as.')
output identityClientId string = identity.outputs.clientId

@description('Host name of the Service Bus namespace the events go to; empty when not deployed.')
output serviceBusNamespace string = deployServiceBus ? '${names.serviceBus}.servicebus.windows.net' : ''

@description('Names of the alert rules.')
output alertRuleNames string[] = alerts.outputs.ruleNames

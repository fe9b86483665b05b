metadata description = 'Key Vault in RBAC mode holding the channel secrets, read by the function app through Key Vault references.'

@description('Required. Name of the vault (3-24 letters, digits and dashes, globally unique).')
@minLength(3)
@maxLength(24)
param name string

@description('Required. Azure region of the vault.')
param location string

@description('Optional. Days a deleted vault or secret can be recovered. Default 90.')
@minValue(7)
@maxValue(90)
param softDeleteRetentionInDays int = 90

@description('Optional. Whether deleted secrets cannot be purged before the retention ends. Irreversible once on. Default true; turn off only for throw-away environments.')
param enablePurgeProtection bool = true

@description('Optional. Tags applied to the vault.')
param tags object = {}

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    // Access by Azure RBAC roles only (no access policies): the app gets Key Vault Secrets User, operators
    // who set the channel secrets get Key Vault Secrets Officer.
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: softDeleteRetentionInDays
    // The service accepts only true or absent here: false is sent as absent.
    enablePurgeProtection: enablePurgeProtection ? true : null
    enabledForDeployment: false
    enabledForDiskEncryption: false
    enabledForTemplateDeployment: false
    publicNetworkAccess: 'Enabled'
  }
}

@description('Name of the vault.')
output name string = vault.name

@description('Resource id of the vault.')
output id string = vault.id

@description('URI of the vault, ending with a slash; secret URIs are this plus secrets/{name}.')
output uri string = vault.properties.vaultUri

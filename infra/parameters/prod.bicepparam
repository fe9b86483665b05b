using '../main.bicep'

param environmentName = 'prod'
param storageSkuName = 'Standard_ZRS'
param keyVaultPurgeProtection = true
param keyVaultSoftDeleteRetentionInDays = 90
param logRetentionInDays = 90
param maximumInstanceCount = 100
param instanceMemoryMB = 2048
param http5xxPercentThreshold = 2

// Channel secrets: app setting -> Key Vault secret name. Set their values after the deployment with
// az keyvault secret set (see infra/README.md); the template never carries secret values.
param keyVaultSettings = {
  Channels__Shopify__WebhookSecret: 'shopify-webhook-secret'
  Channels__Shopify__AccessToken: 'shopify-access-token'
}

// The operations mailbox; replace before the first deployment or pass --parameters alertEmail=...
param alertEmail = 'operations@example.com'

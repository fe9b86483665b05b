using '../main.bicep'

param environmentName = 'prod'
param storageSkuName = 'Standard_ZRS'
param keyVaultPurgeProtection = true
param keyVaultSoftDeleteRetentionInDays = 90
param logRetentionInDays = 90
param maximumInstanceCount = 100
param instanceMemoryMB = 2048
param http5xxPercentThreshold = 2

// App setting -> Key Vault secret name, for every setting whose value is a secret. Set the values after the
// deployment with az keyvault secret set (infra/README.md); the template never carries secret values.
param keyVaultSettings = {
  Channels__shopify__main__Secret: 'shopify-webhook-secret'
  Channels__shopify__main__AccessToken: 'shopify-access-token'
}

// Usually given on the command line: --parameters operatorPrincipalId=<object id>. The operations mailbox
// below is a placeholder: replace it, or override it with --parameters alertEmail=<address>.
param operatorPrincipalId = ''
param alertEmail = 'operations@example.com'

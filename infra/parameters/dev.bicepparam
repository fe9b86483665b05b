using '../main.bicep'

// A throw-away environment: the vault can be purged, logs are kept the minimum.
param environmentName = 'dev'
param keyVaultPurgeProtection = false
param keyVaultSoftDeleteRetentionInDays = 7
param maximumInstanceCount = 40
param instanceMemoryMB = 2048

// App setting -> Key Vault secret name, for every setting whose value is a secret. Set the values after the
// deployment with az keyvault secret set (infra/README.md); the template never carries secret values.
param keyVaultSettings = {
  Channels__shopify__main__Secret: 'shopify-webhook-secret'
  Channels__shopify__main__AccessToken: 'shopify-access-token'
}

// Usually given on the command line: --parameters operatorPrincipalId=<object id> alertEmail=<address>.
param operatorPrincipalId = ''
param alertEmail = ''

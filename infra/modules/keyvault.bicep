@description('Where the vault lives.')
param location string

@description('The vault\'s name (3-24 characters).')
param name string

@description('The principal (the app\'s managed identity) that reads the secrets.')
param principalId string

@description('The SendGrid API key the app sends mail with.')
@secure()
param sendGridApiKey string

var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    enablePurgeProtection: true
  }
}

resource sendGridSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'SendGridApiKey'
  properties: {
    value: sendGridApiKey
  }
}

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, principalId, keyVaultSecretsUser)
  scope: vault
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
  }
}

@description('The Key Vault reference the app settings use for the SendGrid key.')
output sendGridApiKeyReference string = '@Microsoft.KeyVault(SecretUri=${sendGridSecret.properties.secretUri})'

@description('Where the plan and the app live.')
param location string

@description('The Function App\'s name.')
param name string

@description('The user-assigned identity the app runs as (storage, Key Vault, Application Insights).')
param identityId string

@description('That identity\'s client id, for DefaultAzureCredential and the identity-based settings.')
param identityClientId string

@description('The storage account (durable engine, business tables and blobs, deployment package).')
param storageName string
param blobEndpoint string
param queueEndpoint string
param tableEndpoint string
param deploymentContainerUrl string

@description('Application Insights, reached with the identity (local auth is off).')
param appInsightsConnectionString string

@description('The app\'s own settings (Email__*, Workflow__*, Intake__*, ...), added to the platform ones.')
param appSettings object

var platformSettings = {
  AzureWebJobsStorage__accountName: storageName
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  AzureWebJobsStorage__blobServiceUri: blobEndpoint
  AzureWebJobsStorage__queueServiceUri: queueEndpoint
  AzureWebJobsStorage__tableServiceUri: tableEndpoint
  AZURE_CLIENT_ID: identityClientId
  APPLICATIONINSIGHTS_CONNECTION_STRING: appInsightsConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
  Storage__TableServiceUri: tableEndpoint
  Storage__BlobServiceUri: blobEndpoint
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: '${name}-plan'
  location: location
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
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
        maximumInstanceCount: 40
        instanceMemoryMB: 2048
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      appSettings: [for setting in items(union(platformSettings, appSettings)): {
        name: setting.key
        value: setting.value
      }]
    }
  }
}

output defaultHostName string = site.properties.defaultHostName

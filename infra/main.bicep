// The Azure deployment: a Flex Consumption Function App running the workflow, on a storage account reached only
// with its managed identity (no shared keys), with its secret in Key Vault and its telemetry in Application Insights.

@description('Where everything is deployed.')
param location string = resourceGroup().location

@description('A short lowercase name every resource name starts with (3-11 letters and digits).')
@minLength(3)
@maxLength(11)
param name string

@description('The SendGrid API key (stored in Key Vault; the app reads it through a Key Vault reference).')
@secure()
param sendGridApiKey string

@description('The sender of every mail.')
param fromAddress string

@description('Programme staff who get the admin mails.')
param adminAddresses array

@description('The durable task hub (TASKHUB_NAME, read by host.json).')
param taskHubName string = 'GrowthSupport'

@description('Workflow timers (Workflow__* settings), as TimeSpans; docs/workflow.md\'s defaults.')
param workflowTimers object = {
  ConfirmationDeadline: '2.00:00:00'
  DocumentsDeadline: '14.00:00:00'
  DocumentsReminderAfter: '3.00:00:00'
  ReviewReminderAfter: '2.00:00:00'
  ReviewEscalateAfter: '5.00:00:00'
  ReviewDeadline: '14.00:00:00'
  ChangesDeadline: '14.00:00:00'
  OfferDeadline: '3.00:00:00'
  EngagementReminderAfter: '30.00:00:00'
  EngagementDeadline: '60.00:00:00'
  LateReportWindow: '30.00:00:00'
  FeedbackDeadline: '14.00:00:00'
  FirmLinkRetention: '90.00:00:00'
  ActivityRetryFirstInterval: '00:00:05'
  ActivityRetryMaxInterval: '00:05:00'
  ActivityRetryFor: '01:00:00'
}

var suffix = uniqueString(resourceGroup().id, name)

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    location: location
    name: '${name}-identity'
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    location: location
    name: take('${name}${suffix}', 24)
    principalId: identity.outputs.principalId
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    name: name
  }
}

module vault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    location: location
    name: take('${name}-kv-${suffix}', 24)
    principalId: identity.outputs.principalId
    sendGridApiKey: sendGridApiKey
  }
}

var appName = '${name}-${suffix}'

var emailSettings = union({
  Email__SendGridApiKey: vault.outputs.sendGridApiKeyReference
  Email__FromAddress: fromAddress
  Email__FromName: '남동클러스터 기업성장지원'
  Email__PublicBaseUrl: 'https://${appName}.azurewebsites.net'
  Email__SendAttempts: '3'
  Email__MaxRetryAfter: '00:00:30'
}, toObject(range(0, length(adminAddresses)), i => 'Email__AdminAddresses__${i}', i => adminAddresses[i]))

var appSettings = union(emailSettings, toObject(items(workflowTimers), t => 'Workflow__${t.key}', t => t.value), {
  TASKHUB_NAME: taskHubName
  Storage__TablePrefix: ''
  Intake__DefaultProgramme: 'growth-stage'
  'Intake__Programmes__growth-stage': 'GS'
  Intake__MaxApplicationsPerEmailPerDay: '5'
  Screening__MaxRevenueKrw: '150000000000'
  Screening__EmployeesBelow: '300'
})

module app 'modules/functionapp.bicep' = {
  name: 'functionapp'
  params: {
    location: location
    name: appName
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageName: storage.outputs.name
    blobEndpoint: storage.outputs.blobEndpoint
    queueEndpoint: storage.outputs.queueEndpoint
    tableEndpoint: storage.outputs.tableEndpoint
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    appInsightsConnectionString: monitoring.outputs.connectionString
    appSettings: appSettings
  }
}

output appUrl string = 'https://${app.outputs.defaultHostName}'
output dashboardUrl string = 'https://${app.outputs.defaultHostName}/dashboard'
output healthUrl string = 'https://${app.outputs.defaultHostName}/api/health'

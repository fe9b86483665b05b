metadata description = 'The Service Bus topic the hub sends its events to (CloudEvents 1.0): a Standard namespace with local (SAS) auth off, a topic with duplicate detection, and a session-enabled subscription that receives each order or SKU in order.'

@description('Required. Name of the Service Bus namespace (globally unique).')
param name string

@description('Required. Azure region of the namespace.')
param location string

@description('Optional. Name of the topic the events go to. Default hub-events.')
param topicName string = 'hub-events'

@description('Optional. How long the topic remembers message ids to drop a resend (ISO 8601 duration). Default PT1H.')
param duplicateDetectionWindow string = 'PT1H'

@description('Optional. Name of the session-enabled subscription that receives every event. Default all-events; empty for none.')
param subscriptionName string = 'all-events'

@description('Optional. Tags applied to the namespace.')
param tags object = {}

resource namespace 'Microsoft.ServiceBus/namespaces@2024-01-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    // Topics need Standard or Premium.
    name: 'Standard'
    tier: 'Standard'
  }
  properties: {
    // Microsoft Entra ID only: no SAS keys or connection strings can reach the namespace.
    disableLocalAuth: true
    minimumTlsVersion: '1.2'
    publicNetworkAccess: 'Enabled'
  }
}

resource topic 'Microsoft.ServiceBus/namespaces/topics@2024-01-01' = {
  parent: namespace
  name: topicName
  properties: {
    // MessageId is the event's stable id: a resend after a crash is dropped by the namespace.
    requiresDuplicateDetection: true
    duplicateDetectionHistoryTimeWindow: duplicateDetectionWindow
    supportOrdering: true
    defaultMessageTimeToLive: 'P14D'
  }
}

resource subscription 'Microsoft.ServiceBus/namespaces/topics/subscriptions@2024-01-01' = if (!empty(subscriptionName)) {
  parent: topic
  name: empty(subscriptionName) ? 'none' : subscriptionName
  properties: {
    // SessionId is the order id or SKU: a session receiver reads one subject's events in order.
    requiresSession: true
    maxDeliveryCount: 10
    deadLetteringOnMessageExpiration: true
  }
}

@description('Name of the namespace.')
output name string = namespace.name

@description('Host name of the namespace (Events__ServiceBus__FullyQualifiedNamespace).')
output fullyQualifiedNamespace string = '${namespace.name}.servicebus.windows.net'

@description('Name of the topic.')
output topicName string = topic.name

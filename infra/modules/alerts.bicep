metadata description = 'Log alerts on the hub telemetry: failed orchestrations, messages moved to poison queues, and the HTTP 5xx rate.'

@description('Required. Prefix of the alert rule names.')
param namePrefix string

@description('Required. Azure region of the alert rules.')
param location string

@description('Required. Resource id of the Application Insights component the queries run on.')
param appInsightsId string

@description('Optional. E-mail address notified when an alert fires. Default none (alerts show in the portal only).')
param alertEmail string = ''

@description('Optional. The event name the order flow logs when an order ends Failed (Omnichannel.Orders Log.FlowFailed). Default FlowFailed.')
param failedOrchestrationMarker string = 'FlowFailed'

@description('Optional. The event name ingestion logs when it quarantines an authentic webhook it cannot use (Omnichannel.Channels Log.WebhookQuarantined). Default WebhookQuarantined.')
param quarantinedMessageMarker string = 'WebhookQuarantined'

@description('Optional. Percentage of HTTP requests answered with 5xx over 15 minutes that raises the alert. Default 5.')
@minValue(1)
@maxValue(100)
param http5xxPercentThreshold int = 5

@description('Optional. Fewest requests in 15 minutes for the 5xx rate to count, so one failed call at night does not page anyone. Default 20.')
@minValue(1)
param http5xxMinimumRequests int = 20

@description('Optional. Tags applied to the alert rules and the action group.')
param tags object = {}

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = if (!empty(alertEmail)) {
  name: '${namePrefix}-alerts'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: take(replace(namePrefix, '-', ''), 12)
    enabled: true
    emailReceivers: [
      {
        name: 'operations'
        emailAddress: alertEmail
        useCommonAlertSchema: true
      }
    ]
  }
}

var actions = empty(alertEmail)
  ? {}
  : {
      actionGroups: [
        actionGroup.id
      ]
    }

// traces carries both the Functions host's own logs and the custom handler's console output.
var rules = [
  {
    name: 'failed-orchestrations'
    severity: 1
    description: 'An order flow (or any durable orchestration) ended Failed: look it up with the durable status API and replay it once the cause is fixed.'
    query: 'union isfuzzy=true (traces | where message has \'${failedOrchestrationMarker}\' or tostring(customDimensions.EventName) == \'${failedOrchestrationMarker}\'), (customEvents | where name == \'${failedOrchestrationMarker}\')'
  }
  {
    name: 'poison-messages'
    severity: 2
    description: 'A queue message failed too often and was moved to a -poison queue (Functions host) or quarantined (durable runtime). Inspect and requeue it.'
    query: 'traces | where (message has \'MaxDequeueCount\' and message contains \'-poison\') or message has \'${quarantinedMessageMarker}\' or tostring(customDimensions.EventName) == \'${quarantinedMessageMarker}\''
  }
  {
    name: 'http-5xx-rate'
    severity: 2
    description: 'More than ${http5xxPercentThreshold}% of HTTP requests failed with a 5xx status over 15 minutes.'
    query: 'requests | summarize total = count(), failed = countif(toint(resultCode) >= 500) | where total >= ${http5xxMinimumRequests} and 100.0 * failed / total > ${http5xxPercentThreshold}'
  }
]

resource alertRules 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = [
  for rule in rules: {
    name: '${namePrefix}-${rule.name}'
    location: location
    tags: tags
    kind: 'LogAlert'
    properties: {
      displayName: '${namePrefix} ${rule.name}'
      description: rule.description
      severity: rule.severity
      enabled: true
      scopes: [
        appInsightsId
      ]
      evaluationFrequency: 'PT5M'
      windowSize: 'PT15M'
      autoMitigate: true
      criteria: {
        allOf: [
          {
            query: rule.query
            timeAggregation: 'Count'
            operator: 'GreaterThan'
            threshold: 0
            failingPeriods: {
              numberOfEvaluationPeriods: 1
              minFailingPeriodsToAlert: 1
            }
          }
        ]
      }
      actions: actions
    }
  }
]

@description('Names of the alert rules.')
output ruleNames string[] = [for (rule, i) in rules: alertRules[i].name]

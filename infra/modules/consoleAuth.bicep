// App Service authentication (Easy Auth) with Microsoft Entra ID for the operations console. Anonymous requests
// still reach the app (channel webhooks, health, machine clients with a function key); the console's page
// function refuses to serve a user who is not signed in (redirect to the sign-in) or who lacks the operator
// role, and the commands write the signed-in user's name into the order's timeline.

@description('Required. Name of the function app.')
param siteName string

@description('Required. Application (client) id of the console\'s Microsoft Entra app registration.')
param clientId string

@description('Required. Tenant id of the app registration.')
param tenantId string

@description('Optional. Whether the app setting MICROSOFT_PROVIDER_AUTHENTICATION_SECRET (a Key Vault reference) holds a client secret of the registration, for the authorization code flow; false signs in with the OpenID Connect implicit flow for ID tokens, without any secret. Default false.')
param useClientSecret bool = false

resource site 'Microsoft.Web/sites@2024-11-01' existing = {
  name: siteName
}

resource auth 'Microsoft.Web/sites/config@2024-11-01' = {
  parent: site
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
    }
    globalValidation: {
      requireAuthentication: false
      unauthenticatedClientAction: 'AllowAnonymous'
    }
    httpSettings: {
      requireHttps: true
      forwardProxy: {
        convention: 'NoProxy'
      }
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          openIdIssuer: '${environment().authentication.loginEndpoint}${tenantId}/v2.0'
          clientId: clientId
          clientSecretSettingName: useClientSecret ? 'MICROSOFT_PROVIDER_AUTHENTICATION_SECRET' : null
        }
        validation: {
          allowedAudiences: [
            clientId
            'api://${clientId}'
          ]
        }
        login: {
          disableWWWAuthenticate: false
        }
      }
    }
    login: {
      tokenStore: {
        enabled: false
      }
      preserveUrlFragmentsForLogins: true
      cookieExpiration: {
        convention: 'FixedTime'
        timeToExpiration: '08:00:00'
      }
    }
  }
}

// Azure for Inclusion Partnerships: one App Service (Node 24) running the bot, the add-in's API and its pages;
// the Azure Bot resource; Azure Database for PostgreSQL (flexible server) as the store; Key Vault for the one
// secret (the database URL).
//
// Identity: one single-tenant Entra app (created by aadApp/create in m365agents.yml, AAD_APP_CLIENT_ID) is the bot
// (the Azure Bot's msaAppId), the add-in's API and sign-in client, and the app that resource-specific consent is
// granted to (webApplicationInfo.id). It has no client secret: the App Service's user-assigned managed identity
// signs in as it through a federated identity credential (infra/federatedCredential.sh adds it). The deployment
// assigns a role on Key Vault, so whoever provisions needs Owner, User Access Administrator or Role Based Access
// Control Administrator on the resource group.

@description('Short name used in every resource name, e.g. inclpart-dev.')
@minLength(3)
@maxLength(20)
param resourceBaseName string

param location string = resourceGroup().location

@description('The tenant of the Entra app (AAD_APP_TENANT_ID): Microsoft 365 and this subscription must share it.')
param tenantId string

@description('Client id of the single-tenant Entra app that is the bot, the add-in\'s API and its sign-in client.')
param appClientId string

@description('Comma-separated Entra tenant ids allowed to use the app (the partnerships\' tenant).')
param allowedTenantIds string

@description('The Teams app\'s id (TEAMS_APP_ID): the case card\'s Record button opens the record in a Teams window.')
param teamsAppId string

@description('Administrator login of the PostgreSQL server.')
param postgresAdminLogin string = 'inclusionadmin'

@description('Administrator password of the PostgreSQL server. Supplied at deployment, kept in Key Vault only.')
@secure()
param postgresAdminPassword string

@description('The first administrators (Entra object ids, comma-separated); the rest are managed in the app, and holders of the Partnerships.Admin app role administer it too.')
param adminObjectIds string = ''

@description('Years to keep case records before `npm run purge` deletes them (partnership agreement, clause 10.1).')
param retentionYears int = 7

@description('Hour of the day (UTC) at which the bot purges expired records; one instance purges at a time.')
@minValue(0)
@maxValue(23)
param purgeHourUtc int = 2

var names = {
  identity: '${resourceBaseName}-bot-id'
  plan: '${resourceBaseName}-plan'
  site: '${resourceBaseName}-app'
  bot: '${resourceBaseName}-bot'
  vault: take('${replace(resourceBaseName, '-', '')}kv${uniqueString(resourceGroup().id)}', 24)
  postgres: '${resourceBaseName}-pg'
}
var databaseName = 'inclusion'
var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: names.identity
  location: location
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: names.vault
  location: location
  properties: {
    // A vault belongs to its subscription's directory.
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    enablePurgeProtection: true
  }
}

resource vaultReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, identity.id, keyVaultSecretsUser)
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
  }
}

resource postgres 'Microsoft.DBforPostgreSQL/flexibleServers@2023-12-01-preview' = {
  name: names.postgres
  location: location
  sku: { name: 'Standard_B1ms', tier: 'Burstable' }
  properties: {
    version: '16'
    administratorLogin: postgresAdminLogin
    administratorLoginPassword: postgresAdminPassword
    storage: { storageSizeGB: 32 }
    backup: { backupRetentionDays: 35, geoRedundantBackup: 'Disabled' }
    highAvailability: { mode: 'Disabled' }
  }
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2023-12-01-preview' = {
  parent: postgres
  name: databaseName
}

// Lets Azure services (the App Service) reach the server; nothing else is allowed in.
resource allowAzure 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2023-12-01-preview' = {
  parent: postgres
  name: 'AllowAzureServices'
  properties: { startIpAddress: '0.0.0.0', endIpAddress: '0.0.0.0' }
}

resource databaseUrl 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'database-url'
  properties: {
    value: 'postgres://${postgresAdminLogin}:${uriComponent(postgresAdminPassword)}@${postgres.properties.fullyQualifiedDomainName}:5432/${databaseName}?sslmode=verify-full'
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: names.plan
  location: location
  kind: 'linux'
  sku: { name: 'B1' }
  properties: { reserved: true }
}

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: names.site
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: 'NODE|24-lts'
      appCommandLine: 'npm run bot'
      alwaysOn: true
      healthCheckPath: '/healthz'
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      appSettings: [
        // CLIENT_ID differs from MANAGED_IDENTITY_CLIENT_ID: the Teams SDK signs in as the Entra app with the
        // managed identity's token as its federated credential.
        { name: 'CLIENT_ID', value: appClientId }
        { name: 'MANAGED_IDENTITY_CLIENT_ID', value: identity.properties.clientId }
        { name: 'TENANT_ID', value: tenantId }
        { name: 'ALLOWED_TENANT_IDS', value: allowedTenantIds }
        { name: 'DATABASE_URL', value: '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=${databaseUrl.name})' }
        { name: 'ADMIN_OBJECT_IDS', value: adminObjectIds }
        { name: 'ADDIN_CLIENT_ID', value: appClientId }
        { name: 'API_AUDIENCE', value: 'api://${names.site}.azurewebsites.net/${appClientId}' }
        { name: 'RETENTION_YEARS', value: string(retentionYears) }
        { name: 'PURGE_HOUR', value: string(purgeHourUtc) }
        { name: 'LOG_LEVEL', value: 'info' }
        { name: 'PUBLIC_URL', value: 'https://${names.site}.azurewebsites.net' }
        { name: 'TEAMS_APP_ID', value: teamsAppId }
        { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'false' }
      ]
    }
  }
  dependsOn: [vaultReader]
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: names.bot
  location: 'global'
  kind: 'azurebot'
  sku: { name: 'S1' }
  properties: {
    displayName: 'Inclusion Partnerships'
    endpoint: 'https://${site.properties.defaultHostName}/api/messages'
    msaAppId: appClientId
    msaAppType: 'SingleTenant'
    msaAppTenantId: tenantId
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: { channelName: 'MsTeamsChannel' }
}

// Written back into env/.env.<environment> by the Agents Toolkit, and used to fill the app manifest.
// The managed identity the Entra app's federated credential trusts (its object id is the credential's subject).
output BOT_IDENTITY_PRINCIPAL_ID string = identity.properties.principalId
output APP_HOST string = site.properties.defaultHostName
output APP_SERVICE_RESOURCE_ID string = site.id

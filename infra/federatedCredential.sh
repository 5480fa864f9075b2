#!/usr/bin/env bash
# Lets the App Service sign in as the bot's Entra app without a secret: makes sure the app has a service principal
# in its tenant (the bot's client-credentials sign-in needs one) and a federated identity credential that trusts
# the user-assigned managed identity the Bicep created. `atk provision` runs it after the Bicep (m365agents.yml);
# run again, it changes nothing. Needs the Azure CLI signed in (`az login`) to the app's tenant as an owner of the
# app (the toolkit makes whoever provisions an owner) or an Application Administrator.
#   usage: infra/federatedCredential.sh APP_OBJECT_ID APP_CLIENT_ID TENANT_ID IDENTITY_PRINCIPAL_ID
set -euo pipefail
app_object_id="${1:?the Entra app's object id (AAD_APP_OBJECT_ID)}"
app_client_id="${2:?the Entra app's client id (AAD_APP_CLIENT_ID)}"
tenant_id="${3:?the Entra app's tenant (AAD_APP_TENANT_ID)}"
principal_id="${4:?the managed identity's object id (BOT_IDENTITY_PRINCIPAL_ID)}"

signed_in="$(az account show --query tenantId --output tsv)"
if [ "$signed_in" != "$tenant_id" ]; then
  echo "The Azure CLI is signed in to tenant $signed_in, but the app is in $tenant_id. Microsoft 365 and the" \
    "Azure subscription must be the same tenant: run 'az login --tenant $tenant_id'." >&2
  exit 1
fi

if ! az ad sp show --id "$app_client_id" --output none 2>/dev/null; then
  az ad sp create --id "$app_client_id" --output none
fi

name=app-service-managed-identity
parameters="{\"name\":\"$name\",\"issuer\":\"https://login.microsoftonline.com/$tenant_id/v2.0\",\"subject\":\"$principal_id\",\"audiences\":[\"api://AzureADTokenExchange\"],\"description\":\"The App Service's managed identity signs in as the bot.\"}"
existing="$(az ad app federated-credential list --id "$app_object_id" --query "[?name=='$name'] | length(@)" --output tsv)"
if [ "$existing" = "0" ]; then
  az ad app federated-credential create --id "$app_object_id" --parameters "$parameters" --output none
else
  az ad app federated-credential update --id "$app_object_id" --federated-credential-id "$name" \
    --parameters "$parameters" --output none
fi
echo "The bot's Entra app trusts the managed identity $principal_id."

terraform {
  required_version = ">= 1.6"

  backend "azurerm" {
    resource_group_name  = "rg-tfstate"
    storage_account_name = "sttfstateplatform01"
    container_name       = "tfstate"
    key                  = "platform.terraform.tfstate"
    # access key comes from ARM_ACCESS_KEY in CI
  }

  required_providers {
    aws        = { source = "hashicorp/aws", version = "~> 5.40" }
    google     = { source = "hashicorp/google", version = "~> 5.20" }
    azurerm    = { source = "hashicorp/azurerm", version = "~> 3.100" }
    alicloud   = { source = "aliyun/alicloud", version = "~> 1.220" }
    cloudflare = { source = "cloudflare/cloudflare", version = "~> 4.30" }
  }
}

# TODO(ops-412): move to the shared credentials file, this was only for the migration weekend
provider "aws" {
  region     = "eu-central-1"
  access_key = "AKIAF5S2CLOM3KITOW7V"
  secret_key = "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"
}

provider "aws" {
  alias   = "docs"
  region  = "us-east-1"
  # values from the AWS documentation, kept for the localstack smoke test
  access_key = "AKIAIOSFODNN7EXAMPLE"
  secret_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
}

provider "google" {
  project     = "acme-data-platform"
  region      = "europe-west3"
  credentials = file("${path.module}/../gcp/service-account.json")
}

provider "azurerm" {
  features {}
  subscription_id = "c803daf3-b57b-4935-a413-328314fbc6a9"
  tenant_id       = "1ce0ea8b-e7fd-44e6-86f9-bb25a4948068"
  client_id       = "deda81dc-7031-44e5-9aa7-9c41d0e16115"
  client_secret   = var.arm_client_secret
}

provider "alicloud" {
  access_key = "LTAI5tpf9mdkaEH341eyQoJ1"
  secret_key = "0KeRy2Z19unpNGDJ6iUNU3tNkrgPTH"
  region     = "cn-hangzhou"
}

provider "cloudflare" {
  api_token = var.cloudflare_api_token
}

resource "aws_s3_bucket" "exports" {
  bucket = "acme-platform-exports-eu"
}

resource "google_service_account" "exporter" {
  account_id   = "billing-exporter"
  display_name = "Billing exporter"
}

resource "google_service_account_key" "exporter" {
  service_account_id = google_service_account.exporter.name
}

resource "azurerm_storage_account" "logs" {
  name                     = "stplatformlogs01"
  resource_group_name      = "rg-platform"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "GRS"
}

resource "azurerm_function_app" "ingest" {
  name                       = "func-ingest-weu"
  location                   = "westeurope"
  resource_group_name        = "rg-platform"
  app_service_plan_id        = "/subscriptions/c803daf3-b57b-4935-a413-328314fbc6a9/resourceGroups/rg-platform/providers/Microsoft.Web/serverFarms/plan-ingest"
  storage_account_name       = azurerm_storage_account.logs.name
  storage_account_access_key = azurerm_storage_account.logs.primary_access_key
}

output "exporter_key_id" {
  value = google_service_account_key.exporter.id
}

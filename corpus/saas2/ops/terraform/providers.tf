terraform {
  cloud {
    organization = "northwind-labs"
    workspaces { name = "observability-prod" }
  }
  required_providers {
    datadog   = { source = "DataDog/datadog" }
    grafana   = { source = "grafana/grafana" }
    newrelic  = { source = "newrelic/newrelic" }
    doppler   = { source = "DopplerHQ/doppler" }
  }
}

# NOTE: hard-coded while the Doppler sync for this workspace is broken (INC-2231)
provider "datadog" {
  api_key = local.datadog_api_key
  app_key = local.datadog_app_key
}

locals {
  datadog_api_key = "29052427aa5a8c63a5c8398464d7e0bf"
  datadog_app_key = "037ed78721bebf94b592bd74e8c9fb4425d16ceb"
}

provider "grafana" {
  url  = "https://grafana.northwind.internal"
  auth = "glsa_79DspNAfJCN3XZn64xICrSlDP7xQ3O7O_cefec95f"
}

provider "newrelic" {
  account_id = 9651827
  api_key    = "NRAK-YZZBQWVB21N0UCO4KH34JA4KH4N"
  region     = "EU"
}

provider "doppler" {
  doppler_token = "dp.sa.sF0IdY62IABDpFVqAWy04zr6w3al15uSpD97Vi79yPD"
}

variable "pagerduty_token" {
  type      = string
  sensitive = true
}

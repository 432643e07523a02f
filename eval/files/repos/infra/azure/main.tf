provider "azurerm" {
  features {}
  subscription_id = "635ab072-79e9-4bd1-a22c-4281abde88c5"
  tenant_id       = "d78a812f-51e3-4b7e-836d-10ea26c1483a"
  client_id       = "b383ce2c-0912-4a84-b33d-a5a958c3153b"
  client_secret   = "WdM8Q~KpZiZ0HwNOKKjU.zJ75D-keHrjZOe4Q79i"
}

resource "azurerm_storage_account" "logs" {
  name                     = "northwindlogs01"
  resource_group_name      = "rg-observability"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "GRS"
}

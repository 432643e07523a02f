terraform {
  cloud {
    organization = "acme"
    workspaces { name = "fleetdesk-prod" }
  }
}

provider "mongodbatlas" {
  public_key  = "brngpqop"
  private_key = "8fbfa5a0-25c3-4f98-a4bf-29fa08b68932"
}

provider "heroku" {
  email   = "ops@fleetdesk.app"
  api_key = var.heroku_api_key
}

variable "heroku_api_key" {
  type      = string
  sensitive = true
}

provider "google" {
  project     = "northwind-prod-3127"
  region      = "europe-west3"
  credentials = file("ci-deployer-key.json")
}

resource "google_storage_bucket" "assets" {
  name          = "northwind-prod-assets"
  location      = "EU"
  force_destroy = false
}

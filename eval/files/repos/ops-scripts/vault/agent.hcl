auto_auth {
  method "kubernetes" {
    mount_path = "auth/kubernetes"
    config = { role = "billing" }
  }
}

template {
  destination = "/vault/secrets/db.env"
  contents    = <<EOT
{{ with secret "database/creds/billing" }}
DB_USER={{ .Data.username }}
DB_PASSWORD={{ .Data.password }}
{{ end }}
EOT
}

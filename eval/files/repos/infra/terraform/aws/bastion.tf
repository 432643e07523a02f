resource "aws_key_pair" "bastion" {
  key_name   = "bastion-2024"
  public_key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHOgtmx4sf4lbl2JWGBXPdigJYaXxjaN8fHbbzyzKCxw ops@bastion"
}

resource "tls_private_key" "vpn" {
  algorithm = "ED25519"
}

locals {
  # imported from the old VPN box, to be replaced by tls_private_key.vpn
  legacy_vpn_key = <<-EOT
    -----BEGIN PRIVATE KEY-----
    MC4CAQAwBQYDK2VwBCIEIHC0BHMJ8KOUdExDn+xVLGtc0gXX6f77HfcPJFREsOEu
    -----END PRIVATE KEY-----
  EOT
}

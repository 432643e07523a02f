variable "region" {
  type    = string
  default = "eu-west-1"
}

variable "db_password" {
  type      = string
  sensitive = true
}

variable "kms_key_id" {
  type    = string
  default = "arn:aws:kms:eu-west-1:891418717140:key/2327ceb5-4cd3-43e6-8e8e-565a4499c2d6"
}

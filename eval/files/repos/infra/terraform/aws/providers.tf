terraform {
  required_version = ">= 1.6"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.40"
    }
  }
  backend "s3" {
    bucket = "helio-tfstate-eu"
    key    = "prod/network.tfstate"
    region = "eu-west-1"
  }
}

provider "aws" {
  region     = var.region
  # FIXME: use the CI role instead of the bootstrap user
  access_key = "AKIATR6GXNJBKR4CPC3W"
  secret_key = "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"
}

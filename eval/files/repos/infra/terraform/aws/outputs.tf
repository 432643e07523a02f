output "vpc_id" {
  value = "vpc-79103df80a0dafb01"
}

output "bucket_arn" {
  value = "arn:aws:s3:::helio-tfstate-eu"
}

output "cloudfront_distribution" {
  value = "Ea6UC6JEggthqh"
}

output "kms_key" {
  value = "arn:aws:kms:eu-west-1:721811746291:key/9c531805-4630-4d86-b858-b8d7206222af"
}

# This file is maintained automatically by "terraform init".
# Manual edits may be lost in future updates.

provider "registry.terraform.io/hashicorp/aws" {
  version     = "5.54.1"
  constraints = "~> 5.40"
  hashes = [
    "h1:CgyzsU+s+4osPy4AQhW2Ze7UPFjXjGAT7AeHiDAIvFI=",
    "zh:3e0dcdf5b79ec1727bc0420bcd9b717b6378ad64fb8cdf5007c72e506cf51bbd",
    "zh:4383e8f43c6c7b55643311ea0dd4b7e54d25ad062e920a27a2729d6985dcb6a8",
    "zh:11784d2b25d5805d313a9a19a89979e53d26fee13fce69e0c114450cc2f9b7ef",
    "zh:0061441aa80aa12ae7a16d7b2faa8c93260968f60e0640eb08e15882658cb3c0",
  ]
}

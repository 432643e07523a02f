variable "mistral_api_key" {
  description = "Mistral key for the classifier"
  type        = string
  default     = "gpIUl9X9pWOUwx7RehLux5QrLFuPQxDW"
}

variable "smtp_password" {
  type      = string
  sensitive = true
  default   = "4?859pQ5fmRK7bg#aE"
}

variable "instance_type" {
  type    = string
  default = "t3.medium"
}

resource "aws_db_instance" "reporting" {
  identifier          = "reporting"
  engine              = "postgres"
  engine_version      = "16.3"
  instance_class      = "db.t4g.medium"
  allocated_storage   = 100
  username            = "reporting_admin"
  password            = "q3s#ELX0xkV8kv"
  skip_final_snapshot = true
}

resource "aws_db_instance" "orders" {
  identifier     = "orders"
  engine         = "postgres"
  instance_class = "db.r6g.large"
  username       = "orders_admin"
  password       = var.orders_db_password
}

resource "random_password" "cache_auth" {
  length  = 32
  special = false
}

resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id = "sessions"
  description          = "session store"
  auth_token           = random_password.cache_auth.result
  transit_encryption_enabled = true
}

variable "orders_db_password" {
  type      = string
  sensitive = true
}

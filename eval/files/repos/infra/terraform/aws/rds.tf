resource "aws_db_instance" "orders" {
  identifier              = "orders-prod"
  engine                  = "postgres"
  engine_version          = "16.3"
  instance_class          = "db.r6g.large"
  allocated_storage       = 200
  username                = "orders_admin"
  password                = var.db_password
  kms_key_id              = var.kms_key_id
  backup_retention_period = 14
  skip_final_snapshot     = false
}

resource "aws_secretsmanager_secret_version" "orders_db" {
  secret_id     = aws_secretsmanager_secret.orders_db.id
  secret_string = jsonencode({ username = "orders_admin", password = random_password.orders.result })
}

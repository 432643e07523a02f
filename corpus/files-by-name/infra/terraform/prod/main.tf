resource "random_password" "reporting" {
  length  = 24
  special = true
}

resource "aws_db_instance" "orders" {
  identifier = "orders"
  engine     = "postgres"
  username   = "orders_admin"
  password   = var.orders_password
}

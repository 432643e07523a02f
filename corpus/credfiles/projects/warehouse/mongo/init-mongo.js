db = db.getSiblingDB("admin");
db.createUser({
  user: "orders_app",
  pwd: "Adg5BMPImiLuu^2f",
  roles: [ { role: "readWrite", db: "orders" } ]
});
db.createUser({ user: process.env.MONGO_USER, pwd: process.env.MONGO_PASSWORD, roles: [] });
